package ch.mspguard.checklist.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import ch.mspguard.gateway.Network;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;

/**
 * The union of some networks as merged address ranges per family. A network can be
 * covered by several entries together (two /25 cover a /24) although no single entry
 * covers it; merging overlapping and adjacent ranges first makes "covered" a single
 * lookup.
 */
public final class NetworkUnion {

	private final Ranges ipv4;

	private final Ranges ipv6;

	private NetworkUnion(Ranges ipv4, Ranges ipv6) {
		this.ipv4 = ipv4;
		this.ipv6 = ipv6;
	}

	public static NetworkUnion of(Collection<Network> networks) {
		List<IPAddressSeqRange> ipv4 = new ArrayList<>();
		List<IPAddressSeqRange> ipv6 = new ArrayList<>();
		for (Network network : networks) {
			for (IPAddress block : network.blocks()) {
				(block.isIPv4() ? ipv4 : ipv6).add(block.toSequentialRange());
			}
		}
		return new NetworkUnion(Ranges.of(ipv4), Ranges.of(ipv6));
	}

	/** Whether every address of the network lies in the union. */
	public boolean covers(Network network) {
		for (IPAddress block : network.blocks()) {
			if (!covers(Span.of(block))) {
				return false;
			}
		}
		return true;
	}

	boolean covers(Span span) {
		return (span.ipv4() ? this.ipv4 : this.ipv6).covers(span);
	}

	/**
	 * Disjoint, non-adjacent ranges sorted by their first address: a contiguous block is
	 * covered exactly when one of them contains it.
	 */
	private static final class Ranges {

		private final Span[] spans;

		private Ranges(Span[] spans) {
			this.spans = spans;
		}

		static Ranges of(List<IPAddressSeqRange> ranges) {
			IPAddressSeqRange[] merged = IPAddressSeqRange.join(ranges.toArray(IPAddressSeqRange[]::new));
			Span[] spans = new Span[merged.length];
			for (int i = 0; i < merged.length; i++) {
				Span lower = Span.of(merged[i].getLower());
				Span upper = Span.of(merged[i].getUpper());
				spans[i] = new Span(lower.ipv4(), lower.lowerHigh(), lower.lowerLow(), upper.upperHigh(),
						upper.upperLow());
			}
			Arrays.sort(spans, Span::compareLowerTo);
			return new Ranges(spans);
		}

		boolean covers(Span span) {
			int low = 0;
			int high = this.spans.length;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (this.spans[middle].compareLowerTo(span) <= 0) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			return low > 0 && this.spans[low - 1].compareUpperTo(span) >= 0;
		}

	}

}
