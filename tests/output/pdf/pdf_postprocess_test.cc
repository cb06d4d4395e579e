// The qpdf post-pass: untagged content marked as artifacts, PDF dates.
#include "output/pdf/pdf_postprocess.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using herald::pdf::mark_untagged_as_artifacts;
using herald::pdf::pdf_date;

namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// The tokens of a content stream (split at white space) without the
/// marked-content operators that the pass adds.
std::vector<std::string> tokens_without_marks(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  std::string token;
  while (in >> token)
    if (token != "/Artifact" && token != "BMC" && token != "EMC") out.push_back(token);
  return out;
}

}  // namespace

TEST_CASE("content outside marked content becomes an artifact; tagged content is left alone") {
  std::string in =
      "q 1 0 0 -1 0 841.89 cm\n"
      "0.1 0.3 0.5 rg 0 0 595 120 re f\n"
      "/P << /MCID 0 >> BDC\nBT /f-0-0 1 Tf 10 0 0 -10 42 33 Tm (Hello) Tj ET\nEMC\n"
      "BT /f-0-0 1 Tf 8 0 0 -8 42 800 Tm (Page 1 of 1) Tj ET\n"
      "Q\n";
  std::string out = mark_untagged_as_artifacts(in);
  CHECK(count(out, "/Artifact BMC") == 2);
  CHECK(count(out, "BDC") + count(out, "BMC") == count(out, "EMC"));
  // The background and the page number are artifacts, the paragraph is not.
  size_t artifact = out.find("/Artifact BMC");
  size_t fill = out.find("re");
  size_t tagged = out.find("/P <<");
  size_t number = out.find("(Page 1 of 1)");
  CHECK(artifact < fill);
  CHECK(fill < tagged);
  CHECK(out.rfind("/Artifact BMC", number) > tagged);
  CHECK(out.substr(out.size() - 4) == "EMC\n");
  // Everything else is copied as it was.
  CHECK(tokens_without_marks(out) == tokens_without_marks(in));
}

TEST_CASE("an artifact never starts inside a text object or a path") {
  std::string out =
      mark_untagged_as_artifacts("/Span << /MCID 3 >> BDC BT (a) Tj EMC (b) Tj ET 0 0 m 5 5 l S\n");
  // The BT was opened inside the marked content: no artifact may start before ET.
  size_t artifact = out.find("/Artifact BMC");
  REQUIRE(artifact != std::string::npos);
  CHECK(artifact > out.find("ET"));
  CHECK(artifact < out.find(" m"));
  // One artifact for the whole path, not one per operator.
  CHECK(count(out, "/Artifact BMC") == 1);
}

TEST_CASE("a comment or a string with an operator's name in it is not an operator") {
  std::string out =
      mark_untagged_as_artifacts("/P << /MCID 0 >> BDC BT (BT \\) EMC (x) ET) Tj ET EMC % BT\n");
  CHECK(count(out, "/Artifact BMC") == 0);
}

TEST_CASE("strings, dictionaries and inline images pass through unchanged") {
  std::string in =
      "/P << /MCID 0 >> BDC BT [(a\\)b) -20 (c)] TJ ET EMC q 2 0 0 2 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID "
      "\x7f EI Q\n";
  std::string out = mark_untagged_as_artifacts(in);
  CHECK(out.find("[(a\\)b) -20 (c)] TJ") != std::string::npos);
  CHECK(out.find("ID \x7f") != std::string::npos);
  CHECK(out.find("EI") != std::string::npos);
  CHECK(count(out, "/Artifact BMC") == 1);
}

TEST_CASE("PDF dates carry the offset they are shown in") {
  CHECK(pdf_date(1710928800, 0) == "D:20240320100000Z");
  CHECK(pdf_date(1712880000, 3600) == "D:20240412010000+01'00'");
  CHECK(pdf_date(1712880000, -5 * 3600 - 1800) == "D:20240411183000-05'30'");
}
