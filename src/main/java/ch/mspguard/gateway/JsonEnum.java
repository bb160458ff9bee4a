package ch.mspguard.gateway;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum whose constants appear in the snapshot format under a fixed lower-case name.
 */
public interface JsonEnum {

	String jsonValue();

	static <E extends Enum<E> & JsonEnum> Optional<E> fromJson(Class<E> type, String value) {
		return Arrays.stream(type.getEnumConstants()).filter((e) -> e.jsonValue().equals(value)).findFirst();
	}

	static <E extends Enum<E> & JsonEnum> List<String> jsonValues(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(JsonEnum::jsonValue).toList();
	}

}
