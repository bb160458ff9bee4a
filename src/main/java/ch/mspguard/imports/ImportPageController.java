package ch.mspguard.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.gateway.GatewaySnapshot;
import ch.mspguard.gateway.SnapshotInvalidException;
import ch.mspguard.gateway.SnapshotReader;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: upload a snapshot file or the two SEPPmail API responses, pull from an
 * appliance; every way leads to a preview first.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class ImportPageController {

	static final String SOURCE = "snapshot-upload";

	private final SnapshotReader reader;

	private final ImportPreviews previews;

	private final GatewayDirectory gateways;

	private final ImportHistory history;

	private final MessageSource messages;

	ImportPageController(SnapshotReader reader, ImportPreviews previews, GatewayDirectory gateways,
			ImportHistory history, MessageSource messages) {
		this.reader = reader;
		this.previews = previews;
		this.gateways = gateways;
		this.history = history;
		this.messages = messages;
	}

	@GetMapping("/import")
	String page(Model model) {
		model.addAttribute("gateways", this.gateways.gateways());
		model.addAttribute("recent", this.history.recent(5));
		return "imports/import";
	}

	@PostMapping("/import/snapshot")
	String uploadSnapshot(@RequestParam("file") MultipartFile file, Locale locale, Model model) throws IOException {
		GatewaySnapshot snapshot;
		try (InputStream in = file.getInputStream()) {
			snapshot = this.reader.read(in);
			ImportPreview preview = this.previews.prepare(snapshot.gateway().name(), (stored) -> snapshot, SOURCE,
					file.getOriginalFilename());
			return "redirect:/import/preview/" + preview.id();
		}
		catch (SnapshotInvalidException ex) {
			model.addAttribute("snapshotErrors", ErrorList.of(ex.errors(), this.messages, locale));
			model.addAttribute("snapshotFile", file.getOriginalFilename());
			return page(model);
		}
	}

}
