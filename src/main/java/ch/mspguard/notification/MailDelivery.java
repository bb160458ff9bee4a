package ch.mspguard.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a message by SMTP ({@code spring.mail.*}), with a plain-text and an HTML part.
 */
@Component
class MailDelivery {

	private final ObjectProvider<JavaMailSender> senders;

	private final MessageRenderer renderer;

	private final NotificationProperties properties;

	MailDelivery(ObjectProvider<JavaMailSender> senders, MessageRenderer renderer, NotificationProperties properties) {
		this.senders = senders;
		this.renderer = renderer;
		this.properties = properties;
	}

	/**
	 * @return the answer for the delivery log
	 */
	String send(String to, RenderedMessage message, String language) {
		JavaMailSender sender = this.senders.getIfAvailable();
		if (sender == null) {
			throw new SendFailedException("E-mail is not configured (spring.mail.host)");
		}
		try {
			MimeMessage mime = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
			helper.setFrom(this.properties.mailFrom());
			helper.setTo(to);
			helper.setSubject(message.subject());
			helper.setText(message.plain(), this.renderer.html(message, language));
			mime.setHeader("Content-Language", language);
			sender.send(mime);
			return "accepted by the mail server";
		}
		catch (MessagingException | MailException ex) {
			// The exception's class names what failed (authentication, connection,
			// address)
			// without what the server answered.
			throw new SendFailedException("SMTP: " + ex.getClass().getSimpleName());
		}
	}

}
