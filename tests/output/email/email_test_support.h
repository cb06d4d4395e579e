// Shared by the email edition's tests: a newsletter parsed as a build parses it, with a contact directory and files.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "config/config.h"
#include "content/contacts.h"
#include "content/page_parser.h"
#include "core/diagnostic.h"
#include "markdown/document.h"
#include "output/email/email_source.h"

namespace herald::testing {

/// One newsletter, content/newsletters/<slug>/index.md, with what its email edition reads.
struct EmailFixture {
  Config config;
  ContactDirectory contacts;
  ShortcodeResolver resolver;
  std::optional<Page> page;
  EmailFiles files;
  Diagnostics parse_diags;

  EmailSource source() const { return EmailSource{&*page, page->doc.get(), &config, &contacts, &files}; }
};

/// A 1200x600 PNG's first bytes: all that its size is read from.
inline const std::string& wide_png() {
  static const std::string png = [] {
    std::string b("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x04\xB0\0\0\x02\x58\x08\x02\0\0\0", 29);
    return b;
  }();
  return png;
}

inline std::unique_ptr<EmailFixture> email_fixture(const std::string& body, const std::string& front = "") {
  auto f = std::make_unique<EmailFixture>();
  Diagnostics diags;
  f->config = *parse_config(
      "title: Testshire Safeguarding Partnership\nbase_url: https://safeguarding.testshire.example/\n"
      "brand_colour: \"#1d5b79\"\n"
      "email:\n  from: \"Testshire Safeguarding Partnership <news@testshire.example>\"\n"
      "  unsubscribe: \"*|UNSUB|*\"\n",
      "herald.yaml", diags);
  f->contacts = ContactDirectory::parse(
      "- id: lado\n"
      "  name: Local Authority Designated Officer\n"
      "  organisation: Testshire Council\n"
      "  phones:\n"
      "    - number: \"0116 496 0350\"\n"
      "      label: Direct line\n"
      "      hours: \"Mon–Fri 09:00–17:00\"\n"
      "  email: lado@testshire.example\n"
      "  url: https://testshire.example/lado\n",
      "data/contacts.yaml", f->config.zone(), diags);
  REQUIRE(diags.sorted().empty());
  const ContactDirectory* contacts = &f->contacts;
  f->resolver.resolve = [contacts](std::string_view name, std::string_view id, bool block) -> std::optional<std::string> {
    const Contact* c = contacts->find(id);
    if (!c) return std::nullopt;
    if (name == "phone") return contacts->phone_html(*c);
    return block ? contacts->contact_card_html(*c) : contacts->contact_inline_html(*c);
  };
  std::string path = "content/newsletters/autumn-2026/index.md";
  std::string text = "---\ntitle: Autumn 2026\ndate: 2026-10-28\nissue: 12\nseries: Safeguarding Matters\n" + front +
                     "---\n\n" + body;
  std::string problem;
  auto where = classify_content_path(path, &problem);
  REQUIRE_MESSAGE(where, problem);
  f->page = parse_page(path, text, *where, ParseContext{&f->config, &f->resolver}, f->parse_diags);
  REQUIRE(f->page);
  f->page->url = "/newsletters/autumn-2026/";
  REQUIRE(f->page->doc->root());
  f->files["newsletters/autumn-2026/wide.png"] = &wide_png();
  return f;
}

}  // namespace herald::testing
