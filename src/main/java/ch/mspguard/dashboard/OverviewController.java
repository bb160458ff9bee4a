package ch.mspguard.dashboard;

import java.util.List;
import java.util.Locale;

import ch.mspguard.checklist.Catalogue;
import ch.mspguard.checklist.CurrentEvaluations;
import ch.mspguard.checklist.FindingTexts;
import ch.mspguard.checklist.Light;
import ch.mspguard.checklist.Rule;
import ch.mspguard.exceptions.ExceptionService;
import ch.mspguard.gateway.DataAges;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operators' and auditors' overview of all tenants: the summary band and one page of
 * the filtered, sorted table.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
class OverviewController {

	private final OverviewQuery query;

	private final FindingTexts texts;

	private final DataAges dataAges;

	/** Issue 14: the summary band's waiting and expiring exceptions. */
	private final ExceptionService exceptions;

	OverviewController(OverviewQuery query, FindingTexts texts, DataAges dataAges, ExceptionService exceptions) {
		this.query = query;
		this.texts = texts;
		this.dataAges = dataAges;
		this.exceptions = exceptions;
	}

	@GetMapping("/tenants")
	String overview(@RequestParam(required = false) String light, @RequestParam(required = false) String gateway,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String worsened, @RequestParam(required = false) String failing,
			@RequestParam(required = false) String stale, Locale locale, Model model) {
		OverviewFilter filter = OverviewFilter.of(light, gateway, rule, q, sort, dir, page, size, worsened, failing,
				stale);
		OverviewQuery.View view = this.query.view(filter);
		CurrentEvaluations.Page rows = view.page();
		model.addAttribute("filter", filter);
		model.addAttribute("summary", view.summary());
		model.addAttribute("exceptionCounts", this.exceptions.counts());
		model.addAttribute("page", rows);
		model.addAttribute("pages", Math.max(1, (rows.total() + filter.size() - 1) / filter.size()));
		model.addAttribute("gateways", view.gateways());
		model.addAttribute("trend", LightCharts.trend(view.trend(), 4, 100));
		model.addAttribute("trendDays", OverviewQuery.TREND_DAYS);
		model.addAttribute("sparklines", view.sparklines());
		model.addAttribute("ruleTitles", RuleTitles.of(this.texts, locale));
		model.addAttribute("lightValues", List.of(Light.RED, Light.YELLOW, Light.GREEN));
		model.addAttribute("pageSizes", OverviewFilter.PAGE_SIZES);
		model.addAttribute("staleEnabled", this.dataAges.enabled());
		model.addAttribute("ruleIds", Catalogue.rules().stream().map(Rule::id).toList());
		model.addAttribute("exportCsv", filter.export("/reports/findings.csv", null));
		model.addAttribute("exportExcel", filter.export("/reports/findings.csv", "excel"));
		model.addAttribute("exportSummary", filter.export("/reports/summary.pdf", null));
		return "tenants/overview";
	}

}
