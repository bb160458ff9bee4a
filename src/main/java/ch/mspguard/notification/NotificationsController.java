package ch.mspguard.notification;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ch.mspguard.gateway.GatewayDirectory;
import ch.mspguard.gateway.NotFoundException;
import ch.mspguard.tenant.Actor;

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
 * The operators' pages: channels with "send test message", subscriptions, the delivery
 * log, and the overview's banner for failing channels.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class NotificationsController {

	private static final int LOG_SIZE = 200;

	private final ChannelStore channels;

	private final SubscriptionStore subscriptions;

	private final DeliveryStore deliveries;

	private final DeliveryPlanner planner;

	private final DeliveryWorker worker;

	private final GatewayDirectory gateways;

	private final Clock clock;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	NotificationsController(ChannelStore channels, SubscriptionStore subscriptions, DeliveryStore deliveries,
			DeliveryPlanner planner, DeliveryWorker worker, GatewayDirectory gateways, Clock clock,
			org.springframework.transaction.support.TransactionTemplate transactions) {
		this.channels = channels;
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.planner = planner;
		this.worker = worker;
		this.gateways = gateways;
		this.clock = clock;
		this.transactions = transactions;
	}

	@GetMapping("/notifications")
	String page(Model model) {
		return page(new ChannelForm(), new SubscriptionForm(), model);
	}

	@PostMapping("/notifications/channels")
	String addChannel(@ModelAttribute("channelForm") ChannelForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		NewChannel channel = form.toChannel(errors, this.channels);
		if (channel == null) {
			return page(form, new SubscriptionForm(), model);
		}
		this.channels.create(channel, this.clock.instant());
		redirect.addFlashAttribute("channelSaved", channel.name());
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/channels/{id}/delete")
	String deleteChannel(@PathVariable UUID id, RedirectAttributes redirect) {
		Channel channel = channel(id);
		this.channels.delete(id);
		redirect.addFlashAttribute("channelRemoved", channel.name());
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/channels/{id}/test")
	String test(@PathVariable UUID id, RedirectAttributes redirect) {
		Channel channel = channel(id);
		OutboxEvent test = new OutboxEvent(UUID.randomUUID(), EventType.TEST, NotificationSeverity.INFO,
				this.clock.instant(), null, null, null, null, "test:" + UUID.randomUUID(), null,
				Map.of("requestedBy", Actor.require().name()));
		UUID delivery = this.planner.planTest(channel, test, this.clock.instant());
		this.worker.sendNow(delivery);
		redirect.addFlashAttribute("testChannel", channel.name());
		return "redirect:/notifications/deliveries";
	}

	@PostMapping("/notifications/subscriptions")
	String addSubscription(@ModelAttribute("subscriptionForm") SubscriptionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Set<UUID> gatewayIds = this.gateways.gateways()
			.stream()
			.map(GatewayDirectory.GatewayRef::id)
			.collect(Collectors.toSet());
		Set<UUID> tenantIds = this.gateways.tenants()
			.stream()
			.map(GatewayDirectory.TenantRef::id)
			.collect(Collectors.toSet());
		Subscription subscription = form.toOperatorSubscription(Actor.require().name(), this.channels.all(), gatewayIds,
				tenantIds, errors);
		if (subscription == null) {
			return page(new ChannelForm(), form, model);
		}
		this.subscriptions.create(subscription, this.clock.instant());
		redirect.addFlashAttribute("subscriptionSaved", true);
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/subscriptions/{id}/delete")
	String deleteSubscription(@PathVariable UUID id, RedirectAttributes redirect) {
		if (!this.subscriptions.delete(id)) {
			throw new NotFoundException("subscription " + id);
		}
		redirect.addFlashAttribute("subscriptionRemoved", true);
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/deliveries")
	String deliveries(Model model) {
		model.addAttribute("entries", this.transactions.execute((tx) -> this.deliveries.recent(LOG_SIZE)));
		model.addAttribute("channels", this.channels.all());
		return "notifications/deliveries";
	}

	/** The overview's banner: channels whose last delivery failed (empty when none). */
	@GetMapping("/notifications/banner")
	String banner(Model model) {
		model.addAttribute("failing", this.channels.failing());
		return "notifications/_banner :: banner";
	}

	private Channel channel(UUID id) {
		return this.channels.find(id).orElseThrow(() -> new NotFoundException("channel " + id));
	}

	private String page(ChannelForm channelForm, SubscriptionForm subscriptionForm, Model model) {
		model.addAttribute("channelForm", channelForm);
		model.addAttribute("subscriptionForm", subscriptionForm);
		model.addAttribute("channels", this.channels.all());
		model.addAttribute("subscriptions", this.subscriptions.all());
		model.addAttribute("gateways", this.gateways.gateways());
		model.addAttribute("tenants", this.gateways.tenants());
		model.addAttribute("kinds", ChannelKind.values());
		model.addAttribute("eventTypes", EventType.subscribable());
		model.addAttribute("severities", NotificationSeverity.values());
		return "notifications/index";
	}

}
