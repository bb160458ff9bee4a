package ch.mspguard.seppmail;

import java.util.UUID;

import ch.mspguard.cluster.ClusterLock;
import ch.mspguard.tenant.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.mspguard.scheduling.JobRun;
import ch.mspguard.scheduling.ScheduledJob;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Pulls the appliances whose schedule is due, as the system actor. Nobody is there to
 * look at a preview, so a scheduled pull applies its changes only where the operator
 * chose "apply automatically"; otherwise it records on the endpoint that changes are
 * waiting, and an operator pulls now to review them. Switched off with
 * {@code hardening.seppmail.scheduler-enabled=false}. A {@link ScheduledJob} (issue 15):
 * listed with its last run on the operators' page of scheduled work. With several
 * instances only one pulls at a time ({@link ClusterLock}); a pull records itself on its
 * endpoint, so the next instance finds nothing due and nothing is pulled twice.
 */
@Component
@ConditionalOnProperty(name = "hardening.seppmail.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class ScheduledPulls implements ScheduledJob {

	static final String TASK = "seppmail-schedule";

	private static final Logger log = LoggerFactory.getLogger(ScheduledPulls.class);

	private final EndpointStore endpoints;

	private final SeppmailPuller puller;

	private final ClusterLock lock;

	ScheduledPulls(EndpointStore endpoints, SeppmailPuller puller, ClusterLock lock) {
		this.endpoints = endpoints;
		this.puller = puller;
		this.lock = lock;
	}

	@Override
	public String id() {
		return "seppmail-pulls";
	}

	/** Every minute: which appliances are due is decided by their own schedule. */
	@Override
	public String defaultCron() {
		return "0 * * * * *";
	}

	@Override
	public String run(JobRun run) {
		pullDue();
		return "checked";
	}

	void pullDue() {
		this.lock.runExclusively(TASK, this::pullDueHere);
	}

	private void pullDueHere() {
		SystemActor.run(TASK, () -> {
			for (UUID gatewayId : this.endpoints.due()) {
				try {
					String outcome = this.puller.pullScheduled(gatewayId);
					log.info("Scheduled SEPPmail pull of gateway {}: {}", gatewayId, outcome);
				}
				catch (RuntimeException ex) {
					log.warn("Scheduled SEPPmail pull of gateway {} failed: {}", gatewayId, ex.getClass().getName());
				}
			}
		});
	}

}
