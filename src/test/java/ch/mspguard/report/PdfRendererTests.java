package ch.mspguard.report;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderer on its own: fonts embedded, and nothing outside the document loaded,
 * whatever the document asks for.
 */
class PdfRendererTests {

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private PdfRenderer renderer;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.requests.add(exchange.getRequestURI().toString());
			byte[] body = ".secret { display: none; }".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
		SpringTemplateEngine engine = new SpringTemplateEngine();
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.HTML);
		engine.setTemplateResolver(resolver);
		this.renderer = new PdfRenderer(engine);
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void neverLoadsAnythingFromOutsideTheDocument(@TempDir Path directory) throws IOException {
		Path css = directory.resolve("hide.css");
		Files.writeString(css, ".secret { display: none; }");
		String remote = "http://127.0.0.1:" + this.server.getAddress().getPort();
		String html = """
				<html xmlns="http://www.w3.org/1999/xhtml"><head>
				<link rel="stylesheet" href="%1$s/remote.css"/>
				<link rel="stylesheet" href="%2$s"/>
				<style>
				@import url("%1$s/imported.css");
				@font-face { font-family: Remote; src: url("%1$s/font.ttf"); }
				body { background-image: url("%1$s/background.png"); }
				</style></head>
				<body><p class="secret">Still visible</p>
				<img src="%1$s/image.png"/><img src="%2$s"/>
				<object data="%1$s/object.pdf"></object></body></html>""".formatted(remote, css.toUri());

		byte[] pdf = this.renderer.render(html, Map.of(), Locale.ENGLISH);

		assertThat(this.requests).isEmpty();
		assertThat(ReportFixtures.pdfText(pdf)).contains("Still visible");
	}

	@Test
	void embedsItsFontSoThatUmlautsEuroAndIconsPrintAndEmojiDoNotBreakTheReport() throws IOException {
		String html = """
				<html xmlns="http://www.w3.org/1999/xhtml"><head><style>body { font-family: 'DejaVu Sans'; }</style></head>
				<body><p>Zürich Grösse 100 € ✖ ▲ ✔ \u200Fמבחן\u200F 😀 done</p></body></html>""";

		byte[] pdf = this.renderer.render(html, Map.of(), Locale.GERMAN);

		String text = ReportFixtures.pdfText(pdf);
		assertThat(text).contains("Zürich Grösse 100 € ✖ ▲ ✔", "done");
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			var fonts = document.getPage(0).getResources().getFontNames();
			assertThat(fonts).isNotEmpty();
			for (var name : fonts) {
				var font = document.getPage(0).getResources().getFont(name);
				assertThat(font.getName()).contains("DejaVuSans");
				assertThat(font.isEmbedded()).isTrue();
			}
		}
	}

}
