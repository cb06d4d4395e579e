// Reading herald.yaml's `email:`: who the newsletter comes from, where replies go, how readers unsubscribe.
#include "config/email.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "content/phone_number.h"
#include "core/text.h"
#include "markdown/urls.h"

namespace herald {
namespace {

SourceLocation at(const std::string& path, const YAML::Node& node) {
  YAML::Mark m = node.Mark();
  if (m.line < 0) return {path, 0, 0};
  return {path, m.line + 1, m.column + 1};
}

const char* kFromExample = "\"Northbrook Safeguarding Partnership <newsletter@northbrook.example>\"";

bool is_ascii(std::string_view text) {
  for (unsigned char c : text)
    if (c >= 0x80) return false;
  return true;
}

bool is_tag_name(std::string_view name) {
  name = trim(name);
  if (name.empty()) return false;
  for (unsigned char c : name)
    if (!(std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == ' ')) return false;
  return true;
}

/// A mailto: address whose address is an email address (a subject may follow).
bool is_mailto(std::string_view text) {
  if (url_kind(text) != UrlKind::mailto) return false;
  std::string_view address = text.substr(7);
  address = address.substr(0, address.find('?'));
  return is_valid_email(address) && is_ascii(address);
}

}  // namespace

bool is_merge_tag(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> forms[] = {
      {"*|", "|*"}, {"{{", "}}"}, {"{$", "}"}, {"[[", "]]"}, {"[", "]"}, {"%", "%"}};
  for (const auto& [open, close] : forms)
    if (text.size() > open.size() + close.size() && starts_with(text, open) && ends_with(text, close) &&
        is_tag_name(text.substr(open.size(), text.size() - open.size() - close.size())))
      return true;
  return false;
}

bool parse_mailbox(std::string_view text, Mailbox* out) {
  text = trim(text);
  Mailbox m;
  size_t open = text.rfind('<');
  if (open != std::string_view::npos) {
    if (text.back() != '>') return false;
    m.address = std::string(trim(text.substr(open + 1, text.size() - open - 2)));
    std::string_view name = trim(text.substr(0, open));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    for (unsigned char c : name)
      if (c < 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') return false;
    m.name = std::string(trim(name));
  } else {
    m.address = std::string(text);
  }
  if (!is_valid_email(m.address) || !is_ascii(m.address)) return false;
  *out = std::move(m);
  return true;
}

bool parse_email_settings(const YAML::Node& value, const SourceLocation& key_at, const std::string& path,
                          Diagnostics& diags, EmailSettings* out) {
  if (!value.IsMap()) {
    diags.error(value.IsNull() ? key_at : at(path, value),
                fmt::format("'email' must be a map of settings: from, reply_to and unsubscribe, such as from: {}",
                            kFromExample));
    return false;
  }
  EmailSettings settings;
  settings.given = true;
  settings.at = key_at;
  bool ok = true, has_from = false, has_unsubscribe = false;
  for (auto it = value.begin(); it != value.end(); ++it) {
    std::string key = it->first.as<std::string>("");
    // A copy: yaml-cpp iterators hand out temporaries, so a reference would dangle.
    const YAML::Node v = it->second;
    static const std::vector<std::string> known = {"from", "reply_to", "unsubscribe"};
    if (key != "from" && key != "reply_to" && key != "unsubscribe") {
      std::string suggestion = closest_match(key, known);
      diags.warning(at(path, it->first),
                    fmt::format("unknown setting '{}' in 'email', which has from, reply_to and unsubscribe{}", key,
                                suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
      continue;
    }
    if (!v.IsScalar()) {
      diags.error(at(path, v.IsNull() ? it->first : v), fmt::format("'email.{}' must be text", key));
      ok = false;
      has_from = has_from || key == "from";  // reported here, not again as missing
      has_unsubscribe = has_unsubscribe || key == "unsubscribe";
      continue;
    }
    std::string text(trim(v.Scalar()));
    if (key == "from") {
      has_from = true;
      if (!parse_mailbox(text, &settings.from)) {
        diags.error(at(path, v), fmt::format("'from' must be the email address the newsletter is sent from, with "
                                             "the name readers see before it, such as {}, not '{}'",
                                             kFromExample, truncate_text(text, 60)));
        ok = false;
      }
    } else if (key == "reply_to") {
      if (!parse_mailbox(text, &settings.reply_to)) {
        diags.error(at(path, v), fmt::format("'reply_to' must be the email address where replies go, such as "
                                             "business.office@northbrook.example, not '{}'",
                                             truncate_text(text, 60)));
        ok = false;
      }
    } else {
      has_unsubscribe = true;
      settings.unsubscribe = text;
      settings.unsubscribe_is_tag = is_merge_tag(text);
      bool address = (is_web_address(text) && text.find_first_of(" \"<>\\") == std::string::npos &&
                      url_kind(text) == UrlKind::web) ||
                     is_mailto(text);
      if (!settings.unsubscribe_is_tag && !address) {
        diags.error(at(path, v),
                    fmt::format("'unsubscribe' must be your mailing tool's merge tag for its unsubscribe link, such "
                                "as \"*|UNSUB|*\" (Mailchimp) or \"{{{{unsubscribe_url}}}}\", or the address of the "
                                "page where readers unsubscribe, starting with https://, not '{}'",
                                truncate_text(text, 60)));
        ok = false;
      }
    }
  }
  if (!has_from) {
    diags.error(key_at, fmt::format("'email' needs 'from', the address the newsletter is sent from, such as "
                                    "from: {}",
                                    kFromExample));
    ok = false;
  }
  if (!has_unsubscribe) {
    diags.error(key_at, "'email' needs 'unsubscribe', so that every reader can stop the emails: your mailing "
                        "tool's merge tag such as unsubscribe: \"*|UNSUB|*\" (Mailchimp), or the address of the "
                        "page where readers unsubscribe");
    ok = false;
  }
  if (ok) *out = std::move(settings);
  return ok;
}

}  // namespace herald
