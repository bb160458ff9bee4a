package ch.mspguard.gateway;

import java.util.List;

/**
 * A snapshot document that cannot be imported, with every problem found.
 */
public class SnapshotInvalidException extends RuntimeException {

	private final List<ValidationError> errors;

	private final boolean tooLarge;

	public SnapshotInvalidException(List<ValidationError> errors) {
		this(errors, false);
	}

	private SnapshotInvalidException(List<ValidationError> errors, boolean tooLarge) {
		super(errors.size() + " error(s) in snapshot, first: " + errors.get(0));
		this.errors = List.copyOf(errors);
		this.tooLarge = tooLarge;
	}

	public static SnapshotInvalidException tooLarge(long limitBytes) {
		return new SnapshotInvalidException(
				List.of(ValidationError.of("", "document.tooLarge", limitBytes / (1024 * 1024))), true);
	}

	public List<ValidationError> errors() {
		return this.errors;
	}

	/** Whether the document was rejected for its size alone. */
	public boolean isTooLarge() {
		return this.tooLarge;
	}

}
