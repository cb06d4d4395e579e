// A contact as every page shows it (the urgent ones) and the contact directory's page, by audience.
#include <algorithm>
#include <set>

#include "templates/view_model.h"
#include "templates/view_models/shared.h"
#include "templates/words.h"

namespace herald {
using namespace view_models;

TemplateData ViewModel::contact(const Contact& c, const std::string& root) const {
  data d;
  put(d, "id", c.id);
  put(d, "name", c.name);
  put(d, "organisation", opt(c.organisation));
  put(d, "urgent", data(c.urgent));
  list phones;
  for (const auto& p : c.phones) {
    data ph;
    put(ph, "display", p.number.display);
    put(ph, "href", tel_href(p.number));
    put(ph, "label", opt(p.label));
    put(ph, "hours", opt(p.hours));
    phones.push_back(std::move(ph));
  }
  put(d, "phones", std::move(phones));
  put(d, "has_phones", data(!c.phones.empty()));
  if (!c.phones.empty()) {
    put(d, "first_phone", opt(c.phones.front().number.display));
    put(d, "first_phone_href", tel_href(c.phones.front().number));
  }
  put(d, "email", opt(c.email));
  put(d, "contact_url", opt(c.url));
  if (!c.url.empty()) put(d, "website_label", word("contact_website", {{"name", c.name}}));
  list audience;
  for (const auto& a : c.audience) audience.push_back(data(a));
  put(d, "audience", std::move(audience));
  put(d, "vcard_url", root + "contacts/" + c.id + ".vcf");
  put(d, "notes", opt(c.notes));
  return d;
}

TemplateData ViewModel::contacts() const {
  data d = base("/contacts/", tr("Contacts"));
  std::string root = root_from("/contacts/");
  static const std::vector<std::pair<std::string, std::string>> groups = {
      {"children", "group_children"}, {"adults", "group_adults"},
      {"families", "group_families"}, {"practitioners", "group_practitioners"}};
  list out;
  // A contact listed in several groups is linkable (#id) at its first place only.
  std::set<std::string> anchored;
  auto item = [&](const Contact& c) {
    data d = contact(c, root);
    if (anchored.insert(c.id).second) put(d, "anchor", c.id);
    return d;
  };
  if (lib_.contacts) {
    for (const auto& [key, name] : groups) {
      list items;
      for (const auto& c : lib_.contacts->contacts())
        if (std::find(c.audience.begin(), c.audience.end(), key) != c.audience.end())
          items.push_back(item(c));
      if (items.empty()) continue;
      data g;
      put(g, "name", word(name));
      put(g, "id", key);
      put(g, "contacts", std::move(items));
      out.push_back(std::move(g));
    }
    list other;
    for (const auto& c : lib_.contacts->contacts())
      if (c.audience.empty()) other.push_back(item(c));
    if (!other.empty()) {
      data g;
      put(g, "name", word("group_other"));
      put(g, "id", "other");
      put(g, "contacts", std::move(other));
      out.push_back(std::move(g));
    }
  }
  put(d, "groups", std::move(out));
  return d;
}

}  // namespace herald
