package ch.mspguard.notification;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import ch.mspguard.gateway.NotFoundException;
import ch.mspguard.tenant.Actor;
import ch.mspguard.tenant.SystemActor;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A tenant admin's own subscriptions: their e-mail address, their tenant's events. The
 * tenant comes from the login, never from the form; row-level security keeps everyone
 * else's subscriptions out of sight.
 */
@Controller
@PreAuthorize("hasRole('TENANT_ADMIN')")
class MySubscriptionController {

	private final SubscriptionStore subscriptions;

	private final DeliveryPlanner planner;

	private final DeliveryWorker worker;

	private final Clock clock;

	MySubscriptionController(SubscriptionStore subscriptions, DeliveryPlanner planner, DeliveryWorker worker,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.planner = planner;
		this.worker = worker;
		this.clock = clock;
	}

	@GetMapping("/notifications/mine")
	String page(Model model) {
		return page(new SubscriptionForm(), model);
	}

	@PostMapping("/notifications/mine")
	String add(@ModelAttribute("subscriptionForm") SubscriptionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Actor actor = Actor.require();
		Subscription subscription = form.toTenantSubscription(actor.name(), actor.tenantId(), errors);
		if (subscription == null) {
			return page(form, model);
		}
		this.subscriptions.create(subscription, this.clock.instant());
		redirect.addFlashAttribute("subscriptionSaved", true);
		return "redirect:/notifications/mine";
	}

	@PostMapping("/notifications/mine/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		if (!this.subscriptions.delete(id)) {
			throw new NotFoundException("subscription " + id);
		}
		redirect.addFlashAttribute("subscriptionRemoved", true);
		return "redirect:/notifications/mine";
	}

	/**
	 * Sends a test message to the subscription's own address. Row-level security finds
	 * only the tenant admin's own subscriptions; the message is then planned and sent by
	 * the system, and the operators' delivery log lists it like a channel's test.
	 */
	@PostMapping("/notifications/mine/{id}/test")
	String test(@PathVariable UUID id, RedirectAttributes redirect) {
		Actor actor = Actor.require();
		Subscription own = this.subscriptions.find(id).orElseThrow(() -> new NotFoundException("subscription " + id));
		OutboxEvent test = new OutboxEvent(UUID.randomUUID(), EventType.TEST, NotificationSeverity.INFO,
				this.clock.instant(), null, null, null, null, "test:" + UUID.randomUUID(), null,
				Map.of("requestedBy", actor.name()));
		UUID delivery = SystemActor.call("test-message", () -> this.planner.planTest(own, test, this.clock.instant()));
		this.subscriptions.recordTest(own, delivery);
		this.worker.sendNow(delivery);
		Delivery.Status status = this.worker.status(delivery).map(Delivery::status).orElse(Delivery.Status.PENDING);
		redirect.addFlashAttribute("testAddress", own.email());
		// Sent, failed for good, or still to be tried.
		redirect.addFlashAttribute("testStatus",
				(status == Delivery.Status.SENT || status == Delivery.Status.FAILED) ? status.name() : "PENDING");
		return "redirect:/notifications/mine";
	}

	private String page(SubscriptionForm form, Model model) {
		model.addAttribute("subscriptionForm", form);
		model.addAttribute("subscriptions", this.subscriptions.all());
		model.addAttribute("eventTypes",
				Arrays.stream(EventType.subscribable()).filter(EventType::aboutTenant).toArray(EventType[]::new));
		model.addAttribute("severities", NotificationSeverity.values());
		return "notifications/mine";
	}

}
