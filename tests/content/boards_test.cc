// Tests for content/boards: papers' types and sizes, and which bundle files are withheld.
#include <doctest/doctest.h>

#include "content/boards.h"

using namespace herald;

TEST_CASE("a paper's type and size as a reader is told them") {
  CHECK(file_type_name("report.pdf") == "PDF");
  CHECK(file_type_name("Budget.XLSX") == "Excel spreadsheet");
  CHECK(file_type_name("notes.docx") == "Word document");
  CHECK(file_type_name("drawing.odg") == "ODG");
  CHECK(file_type_name("README") == "");
  CHECK(file_size_text(812) == "812 bytes");
  CHECK(file_size_text(250 * 1024) == "250 KB");
  CHECK(file_size_text(1288490) == "1.2 MB");
}

TEST_CASE("a paper under a restricted item is withheld from its bundle") {
  Page p;
  p.kind = Kind::meeting;
  p.meeting.restricted = {6};
  p.meeting.papers.push_back({"Secret", "secret.pdf", 6, {}, "", 0, ""});
  p.meeting.papers.push_back({"Open", "open.pdf", 4, {}, "", 0, ""});
  CHECK(is_withheld_paper(p, "secret.pdf"));
  CHECK_FALSE(is_withheld_paper(p, "open.pdf"));
  CHECK_FALSE(is_withheld_paper(p, "other.png"));
  p.kind = Kind::newsletter;
  CHECK_FALSE(is_withheld_paper(p, "secret.pdf"));
}
