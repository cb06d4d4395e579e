// Tests for output/email/email_text: the body as plain text, wrapped, every link as its URL.
#include <doctest/doctest.h>

#include "output/email/email_test_support.h"
#include "output/email/email_text.h"

using namespace herald;
using herald::testing::email_fixture;

TEST_CASE("the text edition: headings underlined, paragraphs wrapped, links followed by their whole address") {
  auto f = email_fixture(
      "## The review about Child J\n\n"
      "The partnership published its review about Child J in September. It shows how neglect can stay hidden when "
      "each agency holds only part of the picture. Read [the briefing](/briefings/professional-curiosity-and-neglect/) "
      "or <https://www.gov.uk/> or email [the team](mailto:team@testshire.example), or "
      "<team@testshire.example>.\n\n"
      "![Practitioners around a table](wide.png)\n\n"
      "### What we are doing\n\n"
      "1. Launching a shared neglect screening tool that every agency in the partnership can use from January.\n"
      "2. Adding neglect to the training.\n\n"
      "- first\n  - nested\n\n"
      "> Quoted words.\n>\n> A second paragraph.\n\n"
      "    code stays as it is, however long its line is, because wrapping would change it\n\n"
      "| Course | Who it is for |\n| --- | --- |\n| Foundations | Everyone new |\n| Neglect | Practitioners |\n\n"
      "Call {{phone lado}} today.\n\n{{contact lado}}\n");
  std::string text = email_body_text(f->source());
  CHECK(text ==
        "The review about Child J\n"
        "========================\n"
        "\n"
        "The partnership published its review about Child J in September. It\n"
        "shows how neglect can stay hidden when each agency holds only part of\n"
        "the picture. Read the briefing\n"
        "(https://safeguarding.testshire.example/briefings/professional-curiosity-and-neglect/)\n"
        "or https://www.gov.uk/ or email the team (team@testshire.example), or\n"
        "team@testshire.example.\n"
        "\n"
        "[Picture: Practitioners around a table]\n"
        "\n"
        "What we are doing\n"
        "-----------------\n"
        "\n"
        "1. Launching a shared neglect screening tool that every agency in the\n"
        "   partnership can use from January.\n"
        "2. Adding neglect to the training.\n"
        "\n"
        "- first\n"
        "  - nested\n"
        "\n"
        "> Quoted words.\n"
        ">\n"
        "> A second paragraph.\n"
        "\n"
        "    code stays as it is, however long its line is, because wrapping would change it\n"
        "\n"
        "Course: Foundations\n"
        "Who it is for: Everyone new\n"
        "\n"
        "Course: Neglect\n"
        "Who it is for: Practitioners\n"
        "\n"
        "Call 0116 496 0350 today.\n"
        "\n"
        "Local Authority Designated Officer\n"
        "Testshire Council\n"
        "- 0116 496 0350 – Direct line (Mon–Fri 09:00–17:00)\n"
        "- lado@testshire.example\n"
        "- Local Authority Designated Officer website:\n"
        "  https://testshire.example/lado\n");
}

TEST_CASE("the text edition: an alert keeps its label") {
  auto f = email_fixture("> [!TIP]\n> Ask the team.\n");
  std::string text = email_body_text(f->source());
  CHECK(text.find("> Tip:\n>\n> Ask the team.") != std::string::npos);
}

TEST_CASE("wrapping counts characters, not bytes; a word longer than the line stays whole; a hard break breaks") {
  CHECK(wrap_text("Mae’r bartneriaeth yn cyhoeddi adolygiad – ŵŵŵ ŷŷŷ", 20) == "Mae’r bartneriaeth\nyn cyhoeddi\nadolygiad – ŵŵŵ ŷŷŷ");
  CHECK(wrap_text("see https://safeguarding.testshire.example/a/very/long/path/ now", 20) ==
        "see\nhttps://safeguarding.testshire.example/a/very/long/path/\nnow");
  CHECK(wrap_text("one\ntwo  three", 72) == "one\ntwo three");
}

TEST_CASE("a chart in the text edition: its title, what it shows, its rows, and the address of its data") {
  auto f = email_fixture(
      "```chart\ntitle: Referrals by quarter\ntype: line\n---\nQuarter,Police,Schools\nQ1,64,41\nQ2,72,38\n```\n");
  CHECK(email_body_text(f->source()) ==
        "Referrals by quarter\n"
        "\n"
        "Line chart of 2 series (Police, Schools) over 2 points. Values range\n"
        "from 38 to 72. Highest: Police, Q2 (72). Lowest: Schools, Q2 (38).\n"
        "Q1: Police 64, Schools 41\n"
        "Q2: Police 72, Schools 38\n"
        "The data:\n"
        "https://safeguarding.testshire.example/newsletters/autumn-2026/chart-1.csv\n");
}
