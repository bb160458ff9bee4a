package ch.mspguard.checklist;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.Network;
import ch.mspguard.gateway.StoredGatewayLoader;
import ch.mspguard.gateway.ValidationError;
import ch.mspguard.tenant.Actor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replacing the Exchange Online ranges goes through a preview, like an import: the ranges
 * added and removed and the gateways whose outcomes change (every gateway evaluated with
 * the current and with the new ranges), then apply or refuse. A list without IPv6 ranges
 * is applied only when the operator confirms it knowingly.
 */
@Service
public class RangesPreviews {

	static final Duration LIFETIME = Duration.ofMinutes(30);

	private final Map<String, RangesPreview> previews = new ConcurrentHashMap<>();

	private final ReferenceData referenceData;

	private final ReferenceDataService service;

	private final GatewayDirectory gateways;

	private final StoredGatewayLoader loader;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock = Clock.systemUTC();

	RangesPreviews(ReferenceData referenceData, ReferenceDataService service, GatewayDirectory gateways,
			StoredGatewayLoader loader) {
		this.referenceData = referenceData;
		this.service = service;
		this.gateways = gateways;
		this.loader = loader;
	}

	/**
	 * @throws InvalidEndpointsException when the document or the version is unusable
	 */
	@Transactional(readOnly = true)
	public RangesPreview prepare(String version, byte[] endpoints, String fileName) {
		ReferenceDataService.checkVersion(version);
		List<Network> networks = ExchangeOnlineEndpoints.read(endpoints);
		ReferenceNetworks current = this.referenceData.exchangeOnline();
		ReferenceNetworks next = new ReferenceNetworks(version.strip(), networks);
		List<RangesPreview.GatewayChange> changes = new ArrayList<>();
		for (GatewayDirectory.GatewayRef gateway : this.gateways.gateways()) {
			this.loader.find(gateway.id())
				.map((stored) -> change(gateway.name(), stored.snapshot(), current, next))
				.ifPresent(changes::add);
		}
		expire();
		RangesPreview preview = new RangesPreview(newId(), Actor.require().name(), this.clock.instant(),
				version.strip(), fileName, networks, minus(networks, current.networks()),
				minus(current.networks(), networks), changes.stream().filter((c) -> c.findings() > 0).toList());
		this.previews.put(preview.id(), preview);
		return preview;
	}

	/** The current operator's pending preview. */
	public Optional<RangesPreview> find(String id) {
		expire();
		String owner = Actor.require().name();
		return Optional.ofNullable(this.previews.get(id)).filter((preview) -> preview.owner().equals(owner));
	}

	/**
	 * Replaces the ranges as the preview says and forgets it.
	 * @param confirmedWithoutIpv6 whether the operator confirmed a list without IPv6
	 * @return the gateways re-evaluated, or empty when the preview is gone
	 * @throws InvalidEndpointsException when a list without IPv6 was not confirmed; the
	 * preview stays
	 */
	public Optional<List<String>> apply(String id, boolean confirmedWithoutIpv6) {
		Optional<RangesPreview> found = find(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		RangesPreview preview = found.get();
		if (preview.lacksIpv6() && !confirmedWithoutIpv6) {
			throw new InvalidEndpointsException(List.of(ValidationError.of("", "endpoints.noIpv6")));
		}
		this.previews.remove(id);
		return Optional.of(this.service.replaceExchangeOnline(preview.version(), preview.networks(), preview.fileName(),
				preview.changes().stream().map(RangesPreview.GatewayChange::gateway).toList()));
	}

	public void discard(String id) {
		find(id).ifPresent((preview) -> this.previews.remove(preview.id()));
	}

	private static RangesPreview.GatewayChange change(String name, GatewaySnapshot snapshot, ReferenceNetworks current,
			ReferenceNetworks next) {
		GatewayResult before = GatewayResult.evaluate(snapshot, current);
		GatewayResult after = GatewayResult.evaluate(snapshot, next);
		List<Finding> a = findings(before);
		List<Finding> b = findings(after);
		int changed = 0;
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			if (a.get(i).outcome() != b.get(i).outcome()) {
				changed++;
			}
		}
		return new RangesPreview.GatewayChange(name, before.light(), after.light(), changed);
	}

	private static List<Finding> findings(GatewayResult result) {
		List<Finding> all = new ArrayList<>(result.gatewayFindings());
		result.tenants().values().forEach((tenant) -> all.addAll(tenant.findings()));
		return all;
	}

	private static List<Network> minus(List<Network> these, List<Network> those) {
		Set<String> known = new LinkedHashSet<>(those.stream().map(RangesPreviews::key).toList());
		return these.stream().filter((network) -> !known.contains(key(network))).toList();
	}

	private static String key(Network network) {
		return network.isKeyword() ? network.text() : network.blocks().get(0).toPrefixBlock().toCanonicalString();
	}

	private void expire() {
		this.previews.values().removeIf((preview) -> preview.createdAt().plus(LIFETIME).isBefore(this.clock.instant()));
	}

	private String newId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
