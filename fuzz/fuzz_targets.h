// The fuzz targets: what each libFuzzer harness and the regression test feed their bytes to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace herald::fuzz {

/// A content file's front matter: split, parsed, and read with the typed
/// fields of every kind of page (the body is left out: it is the Markdown
/// target's).
void front_matter(std::string_view data);

/// A Markdown body with `{{contact id}}` / `{{phone id}}` shortcodes, parsed,
/// checked, rendered, split into sections and with its URLs mapped.
void markdown(std::string_view data);

/// data/contacts.yaml: parsed and validated, every contact's HTML made, and
/// the retired details it lists searched for in the same bytes.
void contacts(std::string_view data);

/// herald.yaml: parsed and validated, and the derived settings read.
void config(std::string_view data);

/// A 7-minute briefing: a whole file when it starts with front matter, else a
/// body; the seven-section rule checked.
void briefing(std::string_view data);

/// One target by name.
struct Target {
  std::string name;  ///< as in fuzz/<name>_fuzzer.cc, fuzz/corpus/<name>/
  void (*run)(std::string_view data);
};

/// Every target, in the order of the harnesses.
const std::vector<Target>& targets();

}  // namespace herald::fuzz
