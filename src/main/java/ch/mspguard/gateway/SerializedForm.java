package ch.mspguard.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Configurations (and what is made of them, such as import previews) kept in the database
 * exactly as they are in memory, header hashes and all. Only the application's own
 * records and the JDK's collections may be read back: the database is trusted, but Java
 * deserialization of anything else is a risk not worth taking.
 */
public final class SerializedForm {

	private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config
		.createFilter("ch.mspguard.**;java.lang.*;java.util.*;java.time.*;" + "maxdepth=40;!*");

	private SerializedForm() {
	}

	public static byte[] write(Serializable value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * @param what names the stored thing in the error when it cannot be read
	 */
	public static <T> T read(byte[] bytes, Class<T> type, String what) {
		StringBuilder rejected = new StringBuilder();
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			in.setObjectInputFilter((info) -> {
				ObjectInputFilter.Status status = ALLOWED.checkInput(info);
				if (status == ObjectInputFilter.Status.REJECTED) {
					rejected.append(info.serialClass()).append(" depth ").append(info.depth());
				}
				return status;
			});
			return type.cast(in.readObject());
		}
		catch (IOException | ClassNotFoundException | ClassCastException ex) {
			throw new IllegalStateException(what + " could not be read " + rejected, ex);
		}
	}

}
