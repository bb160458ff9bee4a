package ch.mspguard.imports;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The import history for operators and auditors.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
class HistoryController {

	static final int ENTRIES = 200;

	private final ImportHistory history;

	HistoryController(ImportHistory history) {
		this.history = history;
	}

	@GetMapping("/import/history")
	String history(Model model) {
		model.addAttribute("entries", this.history.recent(ENTRIES));
		return "imports/history";
	}

}
