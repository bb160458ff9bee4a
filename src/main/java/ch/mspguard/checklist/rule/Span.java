package ch.mspguard.checklist.rule;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSegment;

/**
 * The first and last address of a contiguous block as unsigned 128-bit numbers (IPv4 in
 * the low 32 bits), for sorting and binary search. A shared gateway has tens of thousands
 * of entries; reading the segment values directly is several times cheaper than the
 * library's {@code BigInteger} values, and comparing two longs cheaper still.
 *
 * @param ipv4 the address family
 * @param lowerHigh the high 64 bits of the first address
 * @param lowerLow the low 64 bits of the first address
 * @param upperHigh the high 64 bits of the last address
 * @param upperLow the low 64 bits of the last address
 */
record Span(boolean ipv4, long lowerHigh, long lowerLow, long upperHigh, long upperLow) {

	/**
	 * The span of a sequential block. Addresses with a prefix length, such as the prefix
	 * blocks {@code Network.parse} builds, always are, so only others are checked.
	 */
	static Span of(IPAddress block) {
		if (block.getPrefixLength() == null && !block.isSequential()) {
			throw new IllegalArgumentException("Not a contiguous block: " + block);
		}
		int bits = block.getBitsPerSegment();
		long lowerHigh = 0;
		long lowerLow = 0;
		long upperHigh = 0;
		long upperLow = 0;
		for (int i = 0; i < block.getSegmentCount(); i++) {
			IPAddressSegment segment = block.getSegment(i);
			lowerHigh = (lowerHigh << bits) | (lowerLow >>> (64 - bits));
			lowerLow = (lowerLow << bits) | segment.getSegmentValue();
			upperHigh = (upperHigh << bits) | (upperLow >>> (64 - bits));
			upperLow = (upperLow << bits) | segment.getUpperSegmentValue();
		}
		return new Span(block.isIPv4(), lowerHigh, lowerLow, upperHigh, upperLow);
	}

	/** Compares two unsigned 128-bit numbers given as high and low halves. */
	static int compare(long aHigh, long aLow, long bHigh, long bLow) {
		int high = Long.compareUnsigned(aHigh, bHigh);
		return (high != 0) ? high : Long.compareUnsigned(aLow, bLow);
	}

	int compareLowerTo(Span other) {
		return compare(this.lowerHigh, this.lowerLow, other.lowerHigh, other.lowerLow);
	}

	int compareUpperTo(Span other) {
		return compare(this.upperHigh, this.upperLow, other.upperHigh, other.upperLow);
	}

	/** Whether this span's last address is at or after the other's first. */
	boolean endsAtOrAfterStartOf(Span other) {
		return compare(this.upperHigh, this.upperLow, other.lowerHigh, other.lowerLow) >= 0;
	}

	/** Whether this span's first address is at or before the other's last. */
	boolean startsAtOrBeforeEndOf(Span other) {
		return compare(this.lowerHigh, this.lowerLow, other.upperHigh, other.upperLow) <= 0;
	}

}
