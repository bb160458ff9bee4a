package ch.mspguard.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import ch.mspguard.checklist.Light;
import ch.mspguard.checklist.TenantFilter;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The overview's filters, sort and page as they live in the URL, so that a view can be
 * bookmarked and shared. Unknown values fall back to the defaults instead of failing.
 *
 * @param light only tenants with this light
 * @param gateway only tenants of this gateway
 * @param rule only tenants where this rule fails or needs attention
 * @param q search in tenant names, display names and domain names
 * @param sort sort column
 * @param desc descending
 * @param page page number from 1
 * @param size page size
 * @param worsened only tenants whose light worsened in the last this many days
 * @param failing only tenants red for longer than this many days
 * @param stale only tenants whose gateway's data is stale
 */
public record OverviewFilter(Light light, UUID gateway, String rule, String q, Sort sort, boolean desc, int page,
		int size, Integer worsened, Integer failing, boolean stale) {

	public static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);

	public enum Sort {

		LIGHT, NAME, GATEWAY, FAIL, WARN, UNKNOWN, EVALUATED

	}

	/**
	 * Pages beyond this are shown as this one (empty): a larger number made the offset
	 * overflow into a negative one, which the database refused with an error (issue 18).
	 */
	static final int MAX_PAGE = 1_000_000;

	/** The overview as it opens: no filter, worst first, the first 25 tenants. */
	public static OverviewFilter defaults() {
		return of(null, null, null, null, null, null, null, null, null, null, null);
	}

	static OverviewFilter of(String light, String gateway, String rule, String q, String sort, String dir, Integer page,
			Integer size, String worsened, String failing, String stale) {
		TenantFilter tenants = TenantFilter.ofParameters(light, gateway, rule, q, worsened, failing);
		return new OverviewFilter(tenants.light(), tenants.gateway(), tenants.rule(), tenants.search(),
				(parse(Sort.class, sort) != null) ? parse(Sort.class, sort) : Sort.LIGHT, "desc".equals(dir),
				(page != null && page > 0) ? Math.min(page, MAX_PAGE) : 1,
				(size != null && PAGE_SIZES.contains(size)) ? size : 25, tenants.worsenedDays(), tenants.failingDays(),
				"true".equals(stale));
	}

	/** Which tenants the table shows, the stale filter left out. */
	public TenantFilter tenants() {
		return tenants(Optional.empty());
	}

	/**
	 * Which tenants the table shows.
	 * @param staleCutoff data confirmed at or before it is stale; empty when staleness is
	 * off, which ignores the stale filter
	 */
	public TenantFilter tenants(Optional<Instant> staleCutoff) {
		TenantFilter tenants = new TenantFilter(this.light, this.gateway, this.rule, this.q, this.worsened,
				this.failing, null);
		return (this.stale && staleCutoff.isPresent()) ? tenants.confirmedBefore(staleCutoff.get()) : tenants;
	}

	public int offset() {
		return (this.page - 1) * this.size;
	}

	/** The overview's URL with these filters, one value replaced. */
	public String with(String name, Object value) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/tenants");
		put(url, "light", (this.light != null) ? this.light.name() : null);
		put(url, "gateway", this.gateway);
		put(url, "rule", this.rule);
		put(url, "q", this.q);
		put(url, "worsened", this.worsened);
		put(url, "failing", this.failing);
		put(url, "sort", (this.sort != Sort.LIGHT) ? this.sort.name().toLowerCase(Locale.ROOT) : null);
		put(url, "dir", this.desc ? "desc" : null);
		put(url, "size", (this.size != 25) ? this.size : null);
		put(url, "page", (this.page != 1) ? this.page : null);
		put(url, "stale", this.stale ? "true" : null);
		url.replaceQueryParam(name);
		if (value != null) {
			url.queryParam(name, value);
		}
		if (!"page".equals(name)) {
			url.replaceQueryParam("page");
		}
		return url.encode().build().toUriString();
	}

	/**
	 * The URL of an export with the filters that exports apply (light, gateway and rule;
	 * the search, sort and page are the table's own).
	 */
	public String export(String path, String dialect) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		put(url, "light", (this.light != null) ? this.light.name() : null);
		put(url, "gateway", this.gateway);
		put(url, "rule", this.rule);
		put(url, "dialect", dialect);
		return url.encode().build().toUriString();
	}

	/**
	 * The URL that sorts by the column, toggling the direction when it already sorts by
	 * it.
	 */
	public String sortedBy(String column) {
		return sortedBy(Sort.valueOf(column));
	}

	private String sortedBy(Sort column) {
		UriComponentsBuilder url = UriComponentsBuilder
			.fromUriString(with("sort", column.name().toLowerCase(Locale.ROOT)));
		url.replaceQueryParam("dir");
		if (this.sort == column && !this.desc) {
			url.queryParam("dir", "desc");
		}
		return url.build().toUriString();
	}

	private static void put(UriComponentsBuilder url, String name, Object value) {
		if (value != null) {
			url.queryParam(name, value);
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
