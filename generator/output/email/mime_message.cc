// An email message as MIME: multipart/alternative text and HTML, UTF-8, quoted-printable, RFC 2047 headers.
#include "output/email/mime_message.h"

#include <xxhash.h>

#include <fmt/format.h>

namespace herald {
namespace {

constexpr size_t kLine = 78;       ///< RFC 5322's recommended line length
constexpr size_t kWordLine = 76;   ///< RFC 2047's for a line with encoded words
constexpr size_t kQpLine = 76;     ///< RFC 2045's for quoted-printable
const char* kHex = "0123456789ABCDEF";

bool is_printable_ascii(std::string_view text) {
  for (unsigned char c : text)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

/// Bytes in the UTF-8 character starting with `lead`.
size_t utf8_width(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

/// The Q encoding (RFC 2047 4.2) of one character, as allowed in any header
/// word, phrases included: letters, digits and `!*+-/` as they are.
std::string q_encode(std::string_view character) {
  std::string out;
  for (unsigned char c : character) {
    if (std::isalnum(c) && c < 0x80) out += static_cast<char>(c);
    else if (c == '!' || c == '*' || c == '+' || c == '-' || c == '/') out += static_cast<char>(c);
    else if (c == ' ') out += '_';
    else {
      out += '=';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

/// `value` as encoded words separated by spaces (folded there), each at
/// most 60 characters so that a folded line stays within 76.
std::string encoded_words(std::string_view value) {
  const std::string open = "=?UTF-8?Q?", close = "?=";
  const size_t longest = 60;
  std::string out, word;
  auto finish = [&] {
    if (!out.empty()) out += ' ';
    out += open + word + close;
    word.clear();
  };
  for (size_t i = 0; i < value.size();) {
    size_t n = std::min(utf8_width(static_cast<unsigned char>(value[i])), value.size() - i);
    std::string encoded = q_encode(value.substr(i, n));
    if (!word.empty() && open.size() + word.size() + encoded.size() + close.size() > longest) finish();
    word += encoded;
    i += n;
  }
  if (!word.empty() || out.empty()) finish();
  return out;
}

/// `line` (ASCII, no line ends) folded at spaces so that each line is at
/// most `limit` characters where a space allows it; never at the space after
/// the header's name (a value on a line of its own is read with a space).
std::string fold(std::string_view line, size_t limit) {
  std::string out;
  size_t colon = line.find(": ");
  size_t first = colon == std::string_view::npos ? 1 : colon + 2;  // the earliest place a line may be cut
  while (line.size() > limit) {
    size_t cut = line.rfind(' ', limit);
    if (cut == std::string_view::npos || cut < first) cut = line.find(' ', std::max(limit, first));
    if (cut == std::string_view::npos) break;
    first = 1;
    out.append(line.substr(0, cut));
    out += "\r\n";
    line = line.substr(cut);  // the continuation starts with the space
  }
  out.append(line);
  return out;
}

bool is_atext(unsigned char c) {
  return std::isalnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~ ").find(static_cast<char>(c)) !=
                                std::string_view::npos;
}

std::string boundary_of(const MimeMessage& m) {
  std::string all = m.subject + '\n' + m.text + '\n' + m.html;
  return fmt::format("=_herald_{:016x}", XXH3_64bits(all.data(), all.size()));
}

void add_part(std::string& out, const std::string& boundary, const char* type, const std::string& body) {
  out += "--" + boundary + "\r\n";
  out += fmt::format("Content-Type: {}; charset=UTF-8\r\n", type);
  out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += encode_quoted_printable(body);
  out += "\r\n";
}

}  // namespace

std::string encode_quoted_printable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t column = 0;
  auto put = [&](std::string_view piece) {
    if (column + piece.size() > kQpLine - 1) {  // room for the soft break's '='
      out += "=\r\n";
      column = 0;
    }
    out.append(piece);
    column += piece.size();
  };
  size_t line_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      if (c == '\r') ++i;
      out += "\r\n";
      column = 0;
      line_start = i + 1;
      continue;
    }
    bool at_line_end = i + 1 == text.size() || text[i + 1] == '\n' || (text[i + 1] == '\r');
    bool from = c == 'F' && i == line_start && text.substr(i, 5) == "From ";
    bool literal = ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_line_end)) && !from;
    if (literal) {
      char one = static_cast<char>(c);
      put(std::string_view(&one, 1));
    } else {
      char escaped[3] = {'=', kHex[c >> 4], kHex[c & 15]};
      put(std::string_view(escaped, 3));
    }
  }
  return out;
}

std::string header_line(std::string_view name, std::string_view value) {
  std::string start = std::string(name) + ": ";
  // Text that looks like an encoded word is encoded, so that it is read as written.
  if (is_printable_ascii(value) && value.find("=?") == std::string_view::npos)
    return fold(start + std::string(value), kLine) + "\r\n";
  return fold(start + encoded_words(value), kWordLine) + "\r\n";
}

std::string format_mailbox(const Mailbox& m) {
  if (m.name.empty()) return m.address;
  std::string name;
  if (!is_printable_ascii(m.name)) {
    name = encoded_words(m.name);
  } else {
    bool plain = true;
    for (unsigned char c : m.name) plain = plain && is_atext(c);
    plain = plain && m.name.find("=?") == std::string::npos;
    name = plain ? m.name : "\"" + m.name + "\"";  // parse_mailbox refused '"' and '\' in a name
  }
  return name + " <" + m.address + ">";
}

std::string build_mime_message(const MimeMessage& m) {
  // An address header: its name already encoded by format_mailbox.
  auto address_line = [](const char* name, const Mailbox& mailbox) {
    return fold(std::string(name) + ": " + format_mailbox(mailbox), kWordLine) + "\r\n";
  };
  std::string out;
  out += address_line("From", m.from);
  if (!m.reply_to.address.empty()) out += address_line("Reply-To", m.reply_to);
  if (!m.to.address.empty()) out += address_line("To", m.to);
  out += header_line("Subject", m.subject);
  out += header_line("Date", m.date);
  out += header_line("Message-ID", "<" + m.message_id + ">");
  for (const auto& [name, value] : m.headers) out += header_line(name, value);
  out += "MIME-Version: 1.0\r\n";
  std::string boundary = boundary_of(m);
  out += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n";
  out += "\r\nThis is a message in MIME format: the newsletter as text, then as HTML.\r\n\r\n";
  add_part(out, boundary, "text/plain", m.text);
  add_part(out, boundary, "text/html", m.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace herald
