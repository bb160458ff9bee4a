package ch.mspguard.system;

import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

class DatabaseUnavailableTests {

	MockMvc mvc = MockMvcBuilders.standaloneSetup(new Unreachable())
		.setControllerAdvice(new DatabaseUnavailableAdvice())
		.build();

	@Test
	void pagesShowTheUnavailablePage() throws Exception {
		this.mvc.perform(get("/tenants"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(view().name("error/503"));
	}

	@Test
	void theApiAnswersJson() throws Exception {
		this.mvc.perform(get("/api/tenants"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(jsonPath("$.errors[0].message").value("The database is unreachable; try again in a minute"));
	}

	@Controller
	static class Unreachable {

		@GetMapping({ "/tenants", "/api/tenants" })
		String fail() {
			throw new CannotCreateTransactionException("Connection refused");
		}

	}

}
