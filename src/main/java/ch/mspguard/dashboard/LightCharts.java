package ch.mspguard.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import ch.mspguard.checklist.Light;
import ch.mspguard.checklist.LightHistory.DayCounts;

/**
 * Charts of the light history, drawn on the server as SVG coordinates (no script, no
 * inline style, so they pass the strict CSP and print as they are). A light is shown by
 * its height as well as its colour (red at the top, green at the bottom, labelled), so
 * the charts can be read without colour.
 */
final class LightCharts {

	private LightCharts() {
	}

	/**
	 * A step line of one tenant's light per day.
	 *
	 * @param width the view box's width
	 * @param height the view box's height
	 * @param segments the polylines' points, one per unbroken run of evaluated days
	 * @param levels the y of the red, yellow and green levels, for the axis labels
	 */
	record StepChart(int width, int height, List<String> segments, int[] levels) {

		public int y(String light) {
			return this.levels[Light.valueOf(light).ordinal()];
		}

	}

	/**
	 * Tenants per light per day as three lines.
	 *
	 * @param width the view box's width
	 * @param height the view box's height
	 * @param red the red line's points
	 * @param yellow the yellow line's points
	 * @param green the green line's points
	 * @param max the value at the top of the chart
	 * @param last today's counts
	 */
	record TrendChart(int width, int height, String red, String yellow, String green, int max, DayCounts last) {
	}

	static StepChart steps(List<Light> days, int dayWidth, int height) {
		int[] levels = new int[Light.values().length];
		int margin = Math.max(2, height / 8);
		for (Light light : Light.values()) {
			// GREEN, YELLOW, RED: green at the bottom, red at the top.
			levels[light.ordinal()] = height - margin - light.ordinal() * (height - 2 * margin) / 2;
		}
		List<String> segments = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < days.size(); i++) {
			Light light = days.get(i);
			if (light == null) {
				if (!current.isEmpty()) {
					segments.add(current.toString().strip());
					current.setLength(0);
				}
				continue;
			}
			int y = levels[light.ordinal()];
			current.append(i * dayWidth).append(',').append(y).append(' ');
			current.append((i + 1) * dayWidth).append(',').append(y).append(' ');
		}
		if (!current.isEmpty()) {
			segments.add(current.toString().strip());
		}
		return new StepChart(days.size() * dayWidth, height, segments, levels);
	}

	static TrendChart trend(List<DayCounts> days, int dayWidth, int height) {
		int max = Math.max(1, days.stream().mapToInt(DayCounts::total).max().orElse(1));
		return new TrendChart(Math.max(1, (days.size() - 1) * dayWidth), height,
				line(days, DayCounts::red, dayWidth, height, max), line(days, DayCounts::yellow, dayWidth, height, max),
				line(days, DayCounts::green, dayWidth, height, max), max,
				days.isEmpty() ? null : days.get(days.size() - 1));
	}

	private static String line(List<DayCounts> days, ToIntFunction<DayCounts> value, int dayWidth, int height,
			int max) {
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < days.size(); i++) {
			int y = height - (int) Math.round((double) value.applyAsInt(days.get(i)) * (height - 4) / max) - 2;
			points.append(i * dayWidth).append(',').append(y).append(' ');
		}
		return points.toString().strip();
	}

}
