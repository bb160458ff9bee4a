package ch.mspguard.scheduling;

import java.util.List;
import java.util.Map;

import ch.mspguard.tenant.Actor;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.http.HttpStatus;

/**
 * The operators' page of scheduled work: each job's cron expression, spread, next and
 * last run with its outcome, and "run now".
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class JobsController {

	private final JobRegistry registry;

	private final JobStore store;

	JobsController(JobRegistry registry, JobStore store) {
		this.registry = registry;
		this.store = store;
	}

	/** A line of the page. */
	public record JobView(String id, String cron, java.time.Duration spread, java.time.Instant next,
			JobStore.LastRun last) {
	}

	@GetMapping("/jobs")
	String page(Model model) {
		Map<String, JobStore.LastRun> last = this.store.all();
		List<JobView> jobs = this.registry.jobs()
			.stream()
			.map((job) -> new JobView(job.id(), this.registry.cron(job), job.spread(), this.registry.next(job),
					last.get(job.id())))
			.toList();
		model.addAttribute("jobs", jobs);
		return "jobs/list";
	}

	@PostMapping("/jobs/{id}/run")
	String runNow(@PathVariable String id, RedirectAttributes redirect) {
		ScheduledJob job = this.registry.job(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.registry.runNow(job, Actor.require().name());
		redirect.addFlashAttribute("started", id);
		return "redirect:/jobs";
	}

}
