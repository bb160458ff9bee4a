package ch.mspguard.imports;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import ch.mspguard.checklist.EvaluationService;
import ch.mspguard.checklist.GatewayResult;
import ch.mspguard.checklist.Light;
import ch.mspguard.checklist.TenantResult;
import ch.mspguard.gateway.GatewayChangedException;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.ImportPlan;
import ch.mspguard.gateway.ImportResult;
import ch.mspguard.gateway.SnapshotImporter;
import ch.mspguard.gateway.TenantConfig;
import ch.mspguard.gateway.ValidationError;
import ch.mspguard.tenant.Actor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every interactive import goes through here: the configuration is planned and dry-run
 * evaluated, the operator sees what would change, and only then applies or discards it.
 */
@Service
public class ImportPreviews {

	private final SnapshotImporter importer;

	private final EvaluationService evaluations;

	private final PreviewStore store;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock = Clock.systemUTC();

	ImportPreviews(SnapshotImporter importer, EvaluationService evaluations, PreviewStore store) {
		this.importer = importer;
		this.evaluations = evaluations;
		this.store = store;
	}

	/**
	 * Plans an import for the current operator and keeps it as a pending preview.
	 * @param incoming the configuration to import, given the stored one or {@code null}
	 * @throws ch.mspguard.gateway.SnapshotInvalidException when the configuration cannot
	 * be imported
	 */
	@Transactional(readOnly = true)
	public ImportPreview prepare(String gatewayName, UnaryOperator<GatewaySnapshot> incoming, String source,
			String origin) {
		return prepare(gatewayName, incoming, source, origin, List.of());
	}

	/**
	 * Plans an import whose source left some informational values out.
	 * @param warnings what the source could not record, shown on the preview
	 */
	@Transactional(readOnly = true)
	public ImportPreview prepare(String gatewayName, UnaryOperator<GatewaySnapshot> incoming, String source,
			String origin, List<ValidationError> warnings) {
		ImportPlan plan = this.importer.plan(gatewayName, incoming);
		GatewayResult before = (plan.before() != null) ? this.evaluations.dryRun(plan.before()) : null;
		GatewayResult after = this.evaluations.dryRun(plan.after());
		ImportPreview preview = new ImportPreview(newId(), Actor.require().name(), this.clock.instant(), source, origin,
				plan, new ImportPreview.LightChange((before != null) ? before.light() : null, after.light()),
				tenantLights(plan, before, after), warnings);
		this.store.put(preview);
		return preview;
	}

	/** The current operator's pending preview. */
	public Optional<ImportPreview> find(String id) {
		return this.store.find(id, Actor.require().name());
	}

	/**
	 * Applies the current operator's preview and forgets it.
	 * @throws PreviewNotFoundException when there is no such preview (any more)
	 * @throws GatewayChangedException when the gateway changed since the preview; the
	 * preview is forgotten too, as it shows what no longer holds
	 */
	public ImportResult apply(String id) {
		ImportPreview preview = find(id).orElseThrow(PreviewNotFoundException::new);
		this.store.remove(id);
		return this.importer.apply(preview.plan(), preview.source(), preview.origin());
	}

	public void discard(String id) {
		find(id).ifPresent((preview) -> this.store.remove(preview.id()));
	}

	private static List<ImportPreview.TenantLight> tenantLights(ImportPlan plan, GatewayResult before,
			GatewayResult after) {
		Set<String> names = new LinkedHashSet<>();
		if (plan.before() != null) {
			plan.before().tenants().stream().map(TenantConfig::name).forEach(names::add);
		}
		plan.after().tenants().stream().map(TenantConfig::name).forEach(names::add);
		List<ImportPreview.TenantLight> lights = new ArrayList<>();
		for (String name : names) {
			lights.add(new ImportPreview.TenantLight(name,
					new ImportPreview.LightChange(light(before, name), light(after, name))));
		}
		return lights;
	}

	private static Light light(GatewayResult result, String tenant) {
		Map<String, TenantResult> tenants = (result != null) ? result.tenants() : Map.of();
		TenantResult own = tenants.get(tenant);
		return (own != null) ? own.light() : null;
	}

	private String newId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
