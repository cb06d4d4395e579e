// vCards for the contact directory.
#include "output/vcard.h"

#include <fmt/format.h>

#include "output/ics.h"

namespace herald {
namespace {

/// vCard escaping: backslash, comma, semicolon and newlines.
std::string escape(const std::string& text) { return escape_ical_text(text); }

/// A name-based UUID (FNV-1a over base_url and id, laid out as a version-5-style UUID).
std::string stable_uuid(const std::string& base_url, const std::string& id) {
  uint64_t a = 1469598103934665603ull, b = 1099511628211ull * 31;
  for (char c : base_url + "contacts/" + id) {
    a = (a ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    b = (b ^ static_cast<unsigned char>(c)) * 1469598103934665603ull + 7;
  }
  return fmt::format("{:08x}-{:04x}-5{:03x}-{:04x}-{:012x}", static_cast<uint32_t>(a >> 32),
                     static_cast<uint16_t>(a >> 16), static_cast<uint16_t>(a) & 0xfff,
                     (static_cast<uint16_t>(b >> 48) & 0x3fff) | 0x8000, b & 0xffffffffffffull);
}

}  // namespace

std::string make_vcard(const Contact& c, const std::string& base_url, const std::string& language,
                       const std::string& site_url) {
  std::string out;
  auto line = [&](const std::string& l) { out += fold_ical_line(l); };
  const std::string in = language.empty() ? "" : ";LANGUAGE=" + language;
  line("BEGIN:VCARD");
  line("VERSION:4.0");
  line("PRODID:-//herald//EN");
  line("UID:urn:uuid:" + stable_uuid(site_url.empty() ? base_url : site_url, c.id));
  line("KIND:org");
  line("FN" + in + ":" + escape(c.name));
  if (!c.organisation.empty()) line("ORG" + in + ":" + escape(c.organisation));
  for (const auto& p : c.phones) {
    line("TEL;VALUE=uri;TYPE=voice:tel:" + p.number.e164);
  }
  if (!c.email.empty()) line("EMAIL:" + c.email);
  if (!c.url.empty()) line("URL:" + c.url);
  std::string note;
  for (const auto& p : c.phones)
    if (!p.hours.empty())
      note += (note.empty() ? "" : "\n") + p.number.display + (p.label.empty() ? "" : " (" + p.label + ")") + ": " + p.hours;
    else if (!p.label.empty())
      note += (note.empty() ? "" : "\n") + p.number.display + ": " + p.label;
  if (!c.notes.empty()) note += (note.empty() ? "" : "\n") + c.notes;
  if (!note.empty()) line("NOTE" + in + ":" + escape(note));
  if (c.since) line("REV:" + format_ical_utc(c.since->utc_seconds));
  line("SOURCE:" + base_url + "contacts/" + c.id + ".vcf");
  line("END:VCARD");
  return out;
}

}  // namespace herald
