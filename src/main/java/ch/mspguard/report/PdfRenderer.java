package ch.mspguard.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a Thymeleaf print template (well-formed XHTML under {@code templates/report/})
 * to PDF with openhtmltopdf. The DejaVu Sans font is embedded (subset), so umlauts, € and
 * the light icons print without any system font; characters it lacks, such as emoji,
 * print as a replacement mark. No external resource is ever loaded: every URI is refused,
 * so text from the data can never make the renderer fetch a file or a URL.
 */
@Component
class PdfRenderer {

	static final String FONT_FAMILY = "DejaVu Sans";

	private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";

	private final ITemplateEngine templates;

	private final byte[] regular;

	private final byte[] bold;

	PdfRenderer(ITemplateEngine templates) {
		this.templates = templates;
		this.regular = font("DejaVuSans.ttf");
		this.bold = font("DejaVuSans-Bold.ttf");
	}

	byte[] render(String template, Map<String, Object> variables, Locale locale) {
		String xhtml = this.templates.process(template, new Context(locale, variables));
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withHtmlContent(xhtml, null);
		builder.useFont(() -> new ByteArrayInputStream(this.regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
		builder.useFont(() -> new ByteArrayInputStream(this.bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
		builder.useUriResolver((base, uri) -> null);
		builder.useExternalResourceAccessControl((uri, type) -> false,
				ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.useExternalResourceAccessControl((uri, type) -> false,
				ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
		builder.withProducer("SEPPmail hardening dashboard");
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] font(String name) {
		try (InputStream in = new ClassPathResource(FONTS + name).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The report font " + name + " is missing from the class path", ex);
		}
	}

}
