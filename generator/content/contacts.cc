// Reading and checking the contact directory, and the HTML of its shortcodes.
#include "content/contacts.h"

#include <algorithm>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/invisible.h"
#include "core/limits.h"
#include "core/text.h"
#include "core/yaml_error.h"
#include "markdown/urls.h"
#include "templates/words.h"

namespace herald {
namespace {

const std::vector<std::string> kFields = {"id", "name", "organisation", "audience", "urgent", "phones",
                                          "email", "url", "replaces", "since", "notes"};
const std::vector<std::string> kAudiences = {"children", "adults", "families", "practitioners"};

SourceLocation at(const std::string& path, const YAML::Node& node) {
  YAML::Mark m = node.Mark();
  return m.line < 0 ? SourceLocation{path, 0, 0} : SourceLocation{path, m.line + 1, m.column + 1};
}

std::string scalar(const YAML::Node& node) {
  return node && node.IsScalar() ? std::string(trim(node.Scalar())) : std::string();
}

bool is_valid_id(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

/// `key` as a field of `fields` with a language code after it ("name_cy" ->
/// {"name", "cy"}): a code of two or three lower-case letters.
std::optional<std::pair<std::string, std::string>> translated_field(const std::string& key,
                                                                    std::initializer_list<const char*> fields) {
  for (const char* field : fields) {
    const std::string prefix = std::string(field) + "_";
    if (key.size() < prefix.size() + 2 || key.size() > prefix.size() + 3 || key.compare(0, prefix.size(), prefix) != 0)
      continue;
    std::string code = key.substr(prefix.size());
    if (std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return {{field, code}};
  }
  return std::nullopt;
}

std::string tel_link(const PhoneNumber& n) {
  return fmt::format("<a class=\"herald-phone\" href=\"tel:{}\">{}</a>", html_escape(n.e164), html_escape(n.display));
}

}  // namespace

Contact Contact::in_language(const std::string& code) const {
  Contact c = *this;
  auto pick = [&](std::string& field, const std::map<std::string, std::string>& in) {
    if (auto found = in.find(code); found != in.end()) field = found->second;
  };
  pick(c.name, name_in);
  pick(c.organisation, organisation_in);
  for (ContactPhone& p : c.phones) {
    pick(p.label, p.label_in);
    pick(p.hours, p.hours_in);
  }
  return c;
}

ContactDirectory ContactDirectory::in_language(const std::string& code) const {
  ContactDirectory dir = *this;
  for (Contact& c : dir.contacts_) c = c.in_language(code);
  return dir;
}

ContactDirectory ContactDirectory::parse(std::string_view yaml_text, const std::string& path, const TimeZone& zone,
                                         Diagnostics& diags, const std::vector<std::string>& languages) {
  ContactDirectory dir;
  if (yaml_text.size() > kMaxSourceBytes) {
    diags.error({path, 1, 1}, too_big_message(yaml_text.size(), "is it the contact directory?"));
    dir.readable_ = false;
    return dir;
  }
  diags.add_source(path, std::string(yaml_text));
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    auto hint = explain_yaml_error(yaml_text, e.mark.line);
    diags.error(hint ? SourceLocation{path, hint->line, hint->column} : SourceLocation{path, e.mark.line + 1, e.mark.column + 1},
                "invalid YAML: " + (hint ? hint->message : e.msg));
    dir.readable_ = false;
    return dir;
  }
  if (root.IsNull()) return dir;
  if (!root.IsSequence()) {
    diags.error({path, 1, 1}, "the contact directory must be a list of contacts");
    dir.readable_ = false;
    return dir;
  }
  for (const YAML::Node& entry : root) {
    if (!entry.IsMap()) {
      diags.error(at(path, entry), "each contact must be a map of fields such as 'id: ...'");
      continue;
    }
    Contact c;
    c.line = at(path, entry).line;
    bool ok = true;
    auto error = [&](const YAML::Node& node, std::string message) {
      diags.error(at(path, node), std::move(message));
      ok = false;
    };
    // An invalid value with an invisible character in it: the message names
    // the character, and points at it.
    auto invalid = [&](const YAML::Node& node, std::string_view value, std::string message) {
      diags.error(point_at_invisible(at(path, node), value, yaml_text), message + invisible_suffix(value));
      ok = false;
    };
    c.id = scalar(entry["id"]);
    if (c.id.empty()) {
      error(entry, "contact has no 'id'");
      continue;
    }
    if (!is_valid_id(c.id)) invalid(entry["id"], c.id, "contact id '" + c.id + "' must use lower-case letters, digits and hyphens");
    // A field in another language the site publishes in (`name_cy`), kept
    // in `into` by language code; one in a language it does not, an error.
    auto translation = [&](const YAML::Node& key_node, const YAML::Node& value, const std::string& field,
                           const std::string& code, std::map<std::string, std::string>& into) {
      const std::string key = field + "_" + code;
      const std::string what =
          fmt::format("{}{} of contact '{}'", field, field == "label" || field == "hours" ? " of a phone" : "", c.id);
      if (languages.empty()) {
        error(key_node, fmt::format("'{}' gives the {} in language '{}', but herald.yaml has no 'languages': add "
                                    "languages: [en-GB, {}], or remove '{}'",
                                    key, what, code, code, key));
      } else if (code == languages.front()) {
        error(key_node, fmt::format("'{}' gives the {} in '{}', the site's first language, which the plain '{}' is "
                                    "already in: write it as '{}'",
                                    key, what, code, field, field));
      } else if (std::find(languages.begin(), languages.end(), code) == languages.end()) {
        std::string listed;
        for (const std::string& l : languages) listed += (listed.empty() ? "" : ", ") + l;
        error(key_node, fmt::format("'{}' gives the {} in language '{}', which is not one of herald.yaml's "
                                    "'languages' ({}): remove it, or correct the language code",
                                    key, what, code, listed));
      } else if (std::string text = scalar(value); !text.empty()) {
        into[code] = text;
      }
    };
    for (auto it = entry.begin(); it != entry.end(); ++it) {
      std::string key = scalar(it->first);
      if (std::find(kFields.begin(), kFields.end(), key) != kFields.end()) continue;
      if (auto field = translated_field(key, {"name", "organisation"})) {
        translation(it->first, it->second, field->first, field->second,
                    field->first == "name" ? c.name_in : c.organisation_in);
        continue;
      }
      std::string suggestion = closest_match(as_seen(key), kFields);
      diags.warning(point_at_invisible(at(path, it->first), key, yaml_text),
                    fmt::format("unknown field '{}' in contact '{}'{}{}", key, c.id,
                                suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)",
                                invisible_suffix(key)));
    }
    c.name = scalar(entry["name"]);
    if (c.name.empty()) error(entry, "contact '" + c.id + "' has no 'name'");
    c.organisation = scalar(entry["organisation"]);
    c.notes = scalar(entry["notes"]);
    if (YAML::Node audience = entry["audience"]) {
      std::vector<std::pair<std::string, YAML::Node>> values;
      if (audience.IsScalar()) values.emplace_back(scalar(audience), audience);
      else if (audience.IsSequence())
        for (const auto& a : audience) values.emplace_back(scalar(a), a);
      for (const auto& [a, node] : values) {
        if (std::find(kAudiences.begin(), kAudiences.end(), a) == kAudiences.end())
          invalid(node, a, fmt::format("contact '{}' has unknown audience '{}' (expected children, adults, families or practitioners)", c.id, a));
        else
          c.audience.push_back(a);
      }
    }
    if (YAML::Node urgent = entry["urgent"]) {
      std::string v = scalar(urgent);
      if (v == "true" || v == "yes") c.urgent = true;
      else if (v != "false" && v != "no") invalid(urgent, v, "'urgent' must be true or false");
    }
    auto check_phone = [&](const YAML::Node& node) -> std::optional<PhoneNumber> {
      std::string text = scalar(node);
      auto number = parse_uk_phone(text);
      if (!number)
        invalid(node, text, fmt::format("contact '{}' has an invalid phone number '{}': expected a UK number such as "
                                "0116 496 0000 or +44 116 496 0000, or a short code such as 999",
                                c.id, text));
      return number;
    };
    if (YAML::Node phones = entry["phones"]) {
      if (!phones.IsSequence()) {
        error(phones, "'phones' must be a list of numbers, each with 'number' and optional 'label' and 'hours'");
      } else {
        for (const auto& p : phones) {
          YAML::Node number_node = p.IsMap() ? p["number"] : p;
          if (!number_node) {
            error(p, fmt::format("a phone of contact '{}' has no 'number'", c.id));
            continue;
          }
          if (auto number = check_phone(number_node)) {
            ContactPhone phone{*number, p.IsMap() ? scalar(p["label"]) : "", p.IsMap() ? scalar(p["hours"]) : "", {}, {}};
            if (p.IsMap())
              for (auto it = p.begin(); it != p.end(); ++it)
                if (auto field = translated_field(scalar(it->first), {"label", "hours"}))
                  translation(it->first, it->second, field->first, field->second,
                              field->first == "label" ? phone.label_in : phone.hours_in);
            c.phones.push_back(std::move(phone));
          }
        }
      }
    }
    c.email = scalar(entry["email"]);
    if (!c.email.empty() && !is_valid_email(c.email)) {
      invalid(entry["email"], c.email, fmt::format("contact '{}' has an invalid email address '{}'", c.id, c.email));
      c.email.clear();
    }
    c.url = scalar(entry["url"]);
    if (!c.url.empty()) c.url_at = at(path, entry["url"]);
    if (find_invisible(c.url)) {
      invalid(entry["url"], c.url, fmt::format("contact '{}' has a url '{}' that cannot be used as it is", c.id, c.url));
      c.url.clear();
    } else if (!c.url.empty() && !is_web_address(c.url)) {
      error(entry["url"], fmt::format("contact '{}' has a url '{}' that does not start with https:// or http://", c.id, c.url));
      c.url.clear();  // never shown, nor written into its vCard
    }
    if (c.phones.empty() && c.email.empty() && c.url.empty() && ok)
      error(entry, fmt::format("contact '{}' needs at least one of 'phones', 'email' or 'url'", c.id));
    if (YAML::Node replaces = entry["replaces"]) {
      if (replaces.IsScalar()) c.replaces.push_back(scalar(replaces));
      else if (replaces.IsSequence())
        for (const auto& r : replaces) c.replaces.push_back(scalar(r));
    }
    if (YAML::Node since = entry["since"]) {
      std::string why;
      c.since = parse_datetime(scalar(since), zone, &why);
      if (!c.since) invalid(since, scalar(since), why);
    }
    if (auto it = dir.index_.find(c.id); it != dir.index_.end()) {
      error(entry["id"], fmt::format("contact id '{}' is used twice (first at line {})", c.id,
                                     dir.contacts_[it->second].line));
      continue;
    }
    if (!ok && c.id.empty()) continue;
    dir.index_.emplace(c.id, dir.contacts_.size());
    dir.contacts_.push_back(std::move(c));
  }
  return dir;
}

const Contact* ContactDirectory::find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &contacts_[it->second];
}

std::vector<const Contact*> ContactDirectory::urgent() const {
  std::vector<const Contact*> out;
  for (const auto& c : contacts_)
    if (c.urgent) out.push_back(&c);
  return out;
}

std::string ContactDirectory::contact_card_html(const Contact& c) const {
  std::string out = "<div class=\"contact-card\">\n";
  out += fmt::format("<p class=\"contact-card__name\"><strong>{}</strong>{}</p>\n", html_escape(c.name),
                     c.organisation.empty() ? "" : "<br>" + html_escape(c.organisation));
  if (!c.phones.empty() || !c.email.empty() || !c.url.empty()) {
    out += "<ul class=\"contact-card__details\">\n";
    for (const auto& p : c.phones) {
      out += "<li>" + tel_link(p.number);
      if (!p.label.empty()) out += " – " + html_escape(p.label);
      if (!p.hours.empty()) out += " (" + html_escape(p.hours) + ")";
      out += "</li>\n";
    }
    if (!c.email.empty())
      out += fmt::format("<li><a href=\"mailto:{}\">{}</a></li>\n", html_escape(c.email), html_escape(c.email));
    if (!c.url.empty())
      out += fmt::format("<li><a href=\"{}\">{}</a></li>\n", html_escape(c.url),
                         fmt::format(fmt::runtime(tr("{} website")), html_escape(c.name)));
    out += "</ul>\n";
  }
  return out + "</div>\n";
}

std::string ContactDirectory::contact_inline_html(const Contact& c) const {
  std::string out = html_escape(c.name);
  if (!c.phones.empty()) out += " (" + tel_link(c.phones.front().number) + ")";
  else if (!c.email.empty())
    out += fmt::format(" (<a href=\"mailto:{}\">{}</a>)", html_escape(c.email), html_escape(c.email));
  return out;
}

std::string ContactDirectory::phone_html(const Contact& c) const {
  if (c.phones.empty()) return contact_inline_html(c);
  return tel_link(c.phones.front().number);
}

}  // namespace herald
