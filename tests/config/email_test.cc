// Tests for config/email: herald.yaml's `email:` read into the sender, reply address and unsubscribe link, and every mistake.
#include <doctest/doctest.h>

#include "config/config.h"
#include "support/diagnostics.h"

using namespace herald;
using herald::test::messages;

namespace {

std::optional<Config> with_email(const std::string& email, Diagnostics& diags) {
  return parse_config("title: T\n" + email, "herald.yaml", diags);
}

}  // namespace

TEST_CASE("email: the sender with its name, where replies go, and the mailing tool's unsubscribe merge tag") {
  Diagnostics diags;
  auto config = with_email(
      "email:\n"
      "  from: \"Northbrook Safeguarding Partnership <newsletter@northbrook.example>\"\n"
      "  reply_to: business.office@northbrook.example\n"
      "  unsubscribe: \"*|UNSUB|*\"\n",
      diags);
  REQUIRE(config);
  CHECK(messages(diags).empty());
  const EmailSettings& e = config->email;
  CHECK(e.given);
  CHECK(e.from.name == "Northbrook Safeguarding Partnership");
  CHECK(e.from.address == "newsletter@northbrook.example");
  CHECK(e.reply_to.name.empty());
  CHECK(e.reply_to.address == "business.office@northbrook.example");
  CHECK(e.unsubscribe == "*|UNSUB|*");
  CHECK(e.unsubscribe_is_tag);
  CHECK(format_location(e.at) == "herald.yaml:2:1");
}

TEST_CASE("without email: no newsletter has an email edition; reply_to may be left out; an unsubscribe page's address") {
  Diagnostics diags;
  auto plain = with_email("", diags);
  REQUIRE(plain);
  CHECK_FALSE(plain->email.given);
  auto config = with_email(
      "email:\n  from: newsletter@northbrook.example\n  unsubscribe: https://northbrook.example/unsubscribe?list=1\n",
      diags);
  REQUIRE(config);
  CHECK(messages(diags).empty());
  CHECK(config->email.from.name.empty());
  CHECK(config->email.from.address == "newsletter@northbrook.example");
  CHECK(config->email.reply_to.address.empty());
  CHECK_FALSE(config->email.unsubscribe_is_tag);
}

TEST_CASE("a mailbox: a name before the address, quoted or not, in any language; the address alone") {
  Mailbox m;
  REQUIRE(parse_mailbox("Northbrook Safeguarding Partnership <newsletter@northbrook.example>", &m));
  CHECK(m.name == "Northbrook Safeguarding Partnership");
  CHECK(m.address == "newsletter@northbrook.example");
  REQUIRE(parse_mailbox("\"Partneriaeth Diogelu, Gogledd\" <cylchlythyr@northbrook.example>", &m));
  CHECK(m.name == "Partneriaeth Diogelu, Gogledd");
  REQUIRE(parse_mailbox("Ysgrifenyddiaeth – Bwrdd <a@b.example>", &m));
  CHECK(m.name == "Ysgrifenyddiaeth – Bwrdd");
  REQUIRE(parse_mailbox("  a@b.example ", &m));
  CHECK(m.name.empty());
  CHECK(m.address == "a@b.example");
  for (const char* bad : {"Northbrook", "", "Name <a@b.example", "Name <not an address>", "a@b", "Nąme <ą@b.example>",
                          "Name\x01 <a@b.example>", "Na\"me <a@b.example>", "<a@b.example> trailing"})
    CHECK_MESSAGE(!parse_mailbox(bad, &m), bad);
}

TEST_CASE("merge tags: Mailchimp's, and the forms other mailing tools use") {
  for (const char* tag : {"*|UNSUB|*", "{{unsubscribe_url}}", "{{ unsubscribe }}", "{$unsubscribe}", "[unsubscribe]",
                          "[[UNSUB_LINK_EN]]", "%unsubscribe_url%", "*|LIST:UNSUB|*"})
    CHECK_MESSAGE(is_merge_tag(tag), tag);
  for (const char* text : {"Click here", "*||*", "{{}}", "*|UNSUB", "https://x.example/", "[un<sub>]", "%%", "{{a}"})
    CHECK_MESSAGE(!is_merge_tag(text), text);
}

TEST_CASE("email's mistakes, each at its line: no from, a from or reply_to that is not an address, no unsubscribe") {
  auto check = [](const std::string& email, const std::vector<std::string>& expected, bool usable = false) {
    Diagnostics diags;
    auto config = with_email(email, diags);
    CHECK(config.has_value() == usable);
    CHECK(messages(diags) == expected);
  };
  check("email:\n  unsubscribe: \"*|UNSUB|*\"\n",
        {"herald.yaml:2:1: error: 'email' needs 'from', the address the newsletter is sent from, such as from: "
         "\"Northbrook Safeguarding Partnership <newsletter@northbrook.example>\""});
  check("email:\n  from: Northbrook Safeguarding Partnership\n  unsubscribe: \"*|UNSUB|*\"\n",
        {"herald.yaml:3:9: error: 'from' must be the email address the newsletter is sent from, with the name "
         "readers see before it, such as \"Northbrook Safeguarding Partnership <newsletter@northbrook.example>\", "
         "not 'Northbrook Safeguarding Partnership'"});
  check("email:\n  from: a@b.example\n  reply_to: the business office\n  unsubscribe: \"*|UNSUB|*\"\n",
        {"herald.yaml:4:13: error: 'reply_to' must be the email address where replies go, such as "
         "business.office@northbrook.example, not 'the business office'"});
  check("email:\n  from: a@b.example\n",
        {"herald.yaml:2:1: error: 'email' needs 'unsubscribe', so that every reader can stop the emails: your "
         "mailing tool's merge tag such as unsubscribe: \"*|UNSUB|*\" (Mailchimp), or the address of the page where "
         "readers unsubscribe"});
  check("email:\n  from: a@b.example\n  unsubscribe: Click here to unsubscribe\n",
        {"herald.yaml:4:16: error: 'unsubscribe' must be your mailing tool's merge tag for its unsubscribe link, "
         "such as \"*|UNSUB|*\" (Mailchimp) or \"{{unsubscribe_url}}\", or the address of the page where readers "
         "unsubscribe, starting with https://, not 'Click here to unsubscribe'"});
  check("email:\n  from: a@b.example\n  unsubscribe: javascript:alert(1)\n",
        {"herald.yaml:4:16: error: 'unsubscribe' must be your mailing tool's merge tag for its unsubscribe link, "
         "such as \"*|UNSUB|*\" (Mailchimp) or \"{{unsubscribe_url}}\", or the address of the page where readers "
         "unsubscribe, starting with https://, not 'javascript:alert(1)'"});
  check("email: newsletter@northbrook.example\n",
        {"herald.yaml:2:8: error: 'email' must be a map of settings: from, reply_to and unsubscribe, such as from: "
         "\"Northbrook Safeguarding Partnership <newsletter@northbrook.example>\""});
  check("email:\n  from: [a@b.example]\n  unsubscribe: \"*|UNSUB|*\"\n",
        {"herald.yaml:3:9: error: 'email.from' must be text"});
  check("email:\n  from: a@b.example\n  unsubscribe: \"mailto:leave@b.example?subject=Unsubscribe\"\n  replyto: c@b.example\n",
        {"herald.yaml:5:3: warning: unknown setting 'replyto' in 'email', which has from, reply_to and unsubscribe "
         "(did you mean 'reply_to'?)"},
        true);
}
