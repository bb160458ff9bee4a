package ch.mspguard.seppmail;

import java.util.UUID;

import ch.mspguard.cluster.ClusterLock;
import ch.mspguard.tenant.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Pulls the appliances whose schedule is due, as the system actor. Nobody is there to
 * look at a preview, so a scheduled pull applies its changes only where the operator
 * chose "apply automatically"; otherwise it records on the endpoint that changes are
 * waiting, and an operator pulls now to review them. Switched off with
 * {@code hardening.seppmail.scheduler-enabled=false}. With several instances only one
 * pulls at a time ({@link ClusterLock}); a pull records itself on its endpoint, so the
 * next instance finds nothing due and nothing is pulled twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "hardening.seppmail.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class ScheduledPulls {

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

	@Scheduled(initialDelayString = "${hardening.seppmail.schedule-check:PT1M}",
			fixedDelayString = "${hardening.seppmail.schedule-check:PT1M}")
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
