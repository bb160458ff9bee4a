package bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback for the notification benchmark: answers every POST with 200
 * and appends one line per delivery to a file: the epoch milliseconds it arrived, the body's
 * bytes, its {@code X-Hardening-Event} header and the number of {@code "tenant"} entries in it.
 * <p>
 * {@code WebhookReceiver PORT FILE}; runs until killed.
 */
public final class WebhookReceiver {

	private WebhookReceiver() {
	}

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(args[0]);
		Path file = Path.of(args[1]);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
		server.createContext("/", (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String text = new String(body, StandardCharsets.UTF_8);
			String line = System.currentTimeMillis() + " " + body.length + " "
					+ exchange.getRequestHeaders().getFirst("X-Hardening-Event") + " " + count(text, "\"tenant\"")
					+ "\n";
			synchronized (WebhookReceiver.class) {
				Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
	}

	private static int count(String text, String needle) {
		int count = 0;
		for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
			count++;
		}
		return count;
	}

}
