package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import ch.mspguard.gateway.Network;
import inet.ipaddr.IPAddress;

/**
 * Answers "does an entry of another tenant overlap this block?" in logarithmic time. A
 * shared gateway has tens of thousands of allowed-sending-server entries; comparing every
 * pair would take minutes.
 * <p>
 * Entries are sorted by first address. An entry overlaps {@code [a, b]} exactly when it
 * starts at or before {@code b} and ends at or after {@code a}. So for the prefix of
 * entries starting at or before {@code b} it suffices to know the latest end of an entry
 * of another tenant. Keeping, per prefix, the latest end with its tenant and the latest
 * end among all other tenants (the best two by distinct tenant) answers that for any
 * asking tenant.
 */
final class OverlapIndex {

	private final Family ipv4;

	private final Family ipv6;

	private OverlapIndex(Family ipv4, Family ipv6) {
		this.ipv4 = ipv4;
		this.ipv6 = ipv6;
	}

	static OverlapIndex of(Collection<Entry> entries) {
		List<Entry> ipv4 = new ArrayList<>();
		List<Entry> ipv6 = new ArrayList<>();
		for (Entry entry : entries) {
			(entry.span().ipv4() ? ipv4 : ipv6).add(entry);
		}
		return new OverlapIndex(new Family(ipv4), new Family(ipv6));
	}

	/**
	 * An entry of a tenant other than {@code tenant} that shares an address with the
	 * block, or {@code null} when there is none.
	 */
	Entry findOtherTenant(String tenant, IPAddress block) {
		return findOtherTenant(tenant, Span.of(block));
	}

	Entry findOtherTenant(String tenant, Span span) {
		return (span.ipv4() ? this.ipv4 : this.ipv6).find(tenant, span);
	}

	/**
	 * One address block of an allowed-sending-server entry (a keyword has one per
	 * family).
	 *
	 * @param tenant the tenant's name
	 * @param domain the domain's name
	 * @param network the entry as written
	 * @param block one block of the entry
	 * @param span the addresses of the block
	 */
	record Entry(String tenant, String domain, Network network, IPAddress block, Span span) {

		Entry(String tenant, String domain, Network network, IPAddress block) {
			this(tenant, domain, network, block, Span.of(block));
		}

	}

	/**
	 * The entries of one address family. The bounds the searches read are kept in
	 * primitive arrays, so that a binary search does not chase a pointer per step.
	 */
	private static final class Family {

		private final long[] lowerHigh;

		private final long[] lowerLow;

		/** The entry ending last among the first i + 1 entries. */
		private final Entry[] best;

		/** The entry ending last among the first i + 1 entries not of best's tenant. */
		private final Entry[] bestOther;

		Family(List<Entry> entries) {
			Entry[] sorted = entries.toArray(Entry[]::new);
			Arrays.sort(sorted, (a, b) -> a.span().compareLowerTo(b.span()));
			int size = sorted.length;
			this.lowerHigh = new long[size];
			this.lowerLow = new long[size];
			this.best = new Entry[size];
			this.bestOther = new Entry[size];
			Entry top = null;
			Entry other = null;
			for (int i = 0; i < size; i++) {
				Entry entry = sorted[i];
				if (top == null) {
					top = entry;
				}
				else if (entry.tenant().equals(top.tenant())) {
					if (endsLater(entry, top)) {
						top = entry;
					}
				}
				else if (endsLater(entry, top)) {
					other = top;
					top = entry;
				}
				else if (other == null || endsLater(entry, other)) {
					other = entry;
				}
				this.lowerHigh[i] = entry.span().lowerHigh();
				this.lowerLow[i] = entry.span().lowerLow();
				this.best[i] = top;
				this.bestOther[i] = other;
			}
		}

		private static boolean endsLater(Entry a, Entry b) {
			return a.span().compareUpperTo(b.span()) > 0;
		}

		Entry find(String tenant, Span span) {
			int count = countStartingAtOrBefore(span.upperHigh(), span.upperLow());
			if (count == 0) {
				return null;
			}
			Entry top = this.best[count - 1];
			Entry candidate = top.tenant().equals(tenant) ? this.bestOther[count - 1] : top;
			return (candidate != null && candidate.span().endsAtOrAfterStartOf(span)) ? candidate : null;
		}

		private int countStartingAtOrBefore(long high, long low) {
			int from = 0;
			int to = this.lowerHigh.length;
			while (from < to) {
				int middle = (from + to) >>> 1;
				if (Span.compare(this.lowerHigh[middle], this.lowerLow[middle], high, low) <= 0) {
					from = middle + 1;
				}
				else {
					to = middle;
				}
			}
			return from;
		}

	}

}
