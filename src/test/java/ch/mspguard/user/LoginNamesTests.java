package ch.mspguard.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginNamesTests {

	@Test
	void accountNamesStayAsTheyAre() {
		assertThat(LoginNames.bounded("it-operator")).isEqualTo("it-operator");
		assertThat(LoginNames.bounded("a.b@example.ch")).isEqualTo("a.b@example.ch");
	}

	@Test
	void hugeOrOddNamesBecomeABoundedMarkedForm() {
		String huge = "x".repeat(1_000_000);
		assertThat(LoginNames.isPossibleAccount(huge)).isFalse();
		assertThat(LoginNames.bounded(huge)).startsWith("[invalid login name: 1000000 characters: xxxx")
			.hasSizeLessThan(100);
		assertThat(LoginNames.bounded("a\u0000b\u202e<script>"))
			.isEqualTo("[invalid login name: 12 characters: a?b??script?]");
		assertThat(LoginNames.bounded(null)).isEqualTo("[invalid login name: none]");
	}

}
