package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server on loopback for the notification benchmark (GreenMail, the tests' mail server):
 * accepts every message and appends one line per message to a file: the epoch milliseconds it
 * was seen, its size in bytes and its subject.
 * <p>
 * {@code MailSink PORT FILE}; runs until killed.
 */
public final class MailSink {

	private MailSink() {
	}

	public static void main(String[] args) throws IOException, InterruptedException, MessagingException {
		GreenMail mail = new GreenMail(new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		Path file = Path.of(args[1]);
		int seen = 0;
		while (true) {
			MimeMessage[] messages = mail.getReceivedMessages();
			for (; seen < messages.length; seen++) {
				String line = System.currentTimeMillis() + " " + messages[seen].getSize() + " "
						+ messages[seen].getSubject() + "\n";
				Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			Thread.sleep(200);
		}
	}

}
