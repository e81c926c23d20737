package org.ketamineclinic.evaluation.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text format of a consent document: paragraphs separated by a blank line, a line
 * starting with "- " is a list item, and a short single line without closing punctuation is a
 * heading. Pages and PDFs show the same blocks, always escaped.
 */
final class ConsentText {

	record Block(String kind, String text, List<String> items) {

		public boolean heading() {
			return kind.equals("h");
		}

		public boolean list() {
			return kind.equals("ul");
		}

		public boolean paragraph() {
			return kind.equals("p");
		}
	}

	private ConsentText() {
	}

	static List<Block> blocks(String body) {
		List<Block> blocks = new ArrayList<>();
		for (String chunk : body.replace("\r\n", "\n").split("\n\\s*\n")) {
			String text = chunk.strip();
			if (text.isEmpty()) {
				continue;
			}
			List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
			if (lines.stream().allMatch(l -> l.startsWith("- "))) {
				blocks.add(new Block("ul", "", lines.stream().map(l -> l.substring(2).strip()).toList()));
			}
			else if (lines.size() == 1 && text.length() <= 80 && !text.matches(".*[.:;,!?]$")) {
				blocks.add(new Block("h", text, List.of()));
			}
			else {
				blocks.add(new Block("p", String.join(" ", lines), List.of()));
			}
		}
		return blocks;
	}
}
