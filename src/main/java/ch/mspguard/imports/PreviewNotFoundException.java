package ch.mspguard.imports;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No pending preview with that id for this operator: it was applied, discarded, expired,
 * forgotten in a restart, or belongs to someone else (all answer the same).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PreviewNotFoundException extends RuntimeException {

	public PreviewNotFoundException() {
		super("No such import preview");
	}

}
