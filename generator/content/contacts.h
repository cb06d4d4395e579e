// The contact directory (data/contacts.yaml): the single source of every phone number and address.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/phone_number.h"
#include "core/datetime.h"
#include "core/diagnostic.h"

namespace herald {

struct ContactPhone {
  PhoneNumber number;
  std::string label;
  std::string hours;
  /// `label` and `hours` in the site's other languages, by language code
  /// (`label_cy: Oriau swyddfa`).
  std::map<std::string, std::string> label_in, hours_in;
};

struct Contact {
  std::string id, name, organisation;
  std::vector<std::string> audience;
  bool urgent = false;
  std::vector<ContactPhone> phones;
  std::string email, url;
  std::vector<std::string> replaces;
  std::optional<DateTime> since;
  std::string notes;
  int line = 0;  ///< of the entry in contacts.yaml
  SourceLocation url_at;  ///< where `url` is written
  /// `name` and `organisation` in the site's other languages, by language
  /// code (`name_cy: Tîm Cyngor a Chymorth i Blant`).
  std::map<std::string, std::string> name_in, organisation_in;

  /// The contact as readers of language `code` ("cy") see it: each field
  /// that has a counterpart in that language replaced by it, the others as
  /// they are.
  Contact in_language(const std::string& code) const;
};

class ContactDirectory {
 public:
  /// Parses data/contacts.yaml, reporting every problem at its line and
  /// column. `languages` are the codes of the languages the site publishes
  /// in, the default's first (herald.yaml's `languages`; empty for a site in
  /// one): `name`, `organisation`, and a phone's `label` and `hours` may have
  /// a counterpart in each of the others (`name_cy`); a counterpart in any
  /// other language is an error.
  static ContactDirectory parse(std::string_view yaml_text, const std::string& path, const TimeZone& zone,
                                Diagnostics& diags, const std::vector<std::string>& languages = {});

  /// The directory as readers of language `code` see it (Contact::in_language).
  ContactDirectory in_language(const std::string& code) const;

  const std::vector<Contact>& contacts() const { return contacts_; }
  /// False when the file could not be read as a list of contacts at all (an
  /// error said why): every id is then unknown, and an error for each
  /// shortcode would only bury that one.
  bool readable() const { return readable_; }
  const Contact* find(std::string_view id) const;
  std::vector<const Contact*> urgent() const;

  /// `{{contact id}}` on its own line: a card with every number, e-mail and website.
  std::string contact_card_html(const Contact& c) const;
  /// `{{contact id}}` inside a sentence: the name and the first number.
  std::string contact_inline_html(const Contact& c) const;
  /// `{{phone id}}`: the first number as a tel: link.
  std::string phone_html(const Contact& c) const;

 private:
  std::vector<Contact> contacts_;
  std::map<std::string, size_t, std::less<>> index_;
  bool readable_ = true;
};

}  // namespace herald
