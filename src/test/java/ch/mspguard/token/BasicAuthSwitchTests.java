package ch.mspguard.token;

import java.util.List;

import ch.mspguard.IntegrationTest;
import ch.mspguard.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code hardening.api.basic-auth=false} a correct password opens nothing on the
 * API; only bearer tokens do.
 */
@IntegrationTest
@TestPropertySource(properties = "hardening.api.basic-auth=false")
class BasicAuthSwitchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	TestTokens tokens;

	@Test
	void passwordsAreRefusedAndTokensAccepted() throws Exception {
		this.mvc.perform(get("/api/rules").with(this.users.operator()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
		this.mvc
			.perform(get("/api/rules").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + this.tokens.create(List.of("read"), null)))
			.andExpect(status().isOk());
	}

}
