// Tests for output/email/mime_message: headers, RFC 2047 words, quoted-printable, CRLF and line lengths.
#include <doctest/doctest.h>

#include <sstream>

#include "output/email/mime_message.h"

using namespace herald;

namespace {

int hex(char c) { return c <= '9' ? c - '0' : c - 'A' + 10; }

/// Quoted-printable decoded as RFC 2045 says, CRLF line ends kept.
std::string decode_qp(const std::string& qp) {
  std::string out;
  for (size_t i = 0; i < qp.size(); ++i) {
    if (qp[i] != '=') {
      out += qp[i];
    } else if (qp.compare(i + 1, 2, "\r\n") == 0) {
      i += 2;
    } else {
      out += static_cast<char>(hex(qp[i + 1]) * 16 + hex(qp[i + 2]));
      i += 2;
    }
  }
  return out;
}

/// A header value of encoded words (Q, UTF-8) decoded; folding removed.
std::string decode_words(std::string value) {
  std::string unfolded;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 3, "\r\n ") == 0) {
      i += 1;  // the fold's CRLF goes, its space stays
      continue;
    }
    unfolded += value[i];
  }
  std::string out;
  size_t pos = 0;
  bool last_was_word = false;
  while (pos < unfolded.size()) {
    size_t start = unfolded.find("=?UTF-8?Q?", pos);
    if (start == std::string::npos) {
      out += unfolded.substr(pos);
      break;
    }
    std::string between = unfolded.substr(pos, start - pos);
    if (!(last_was_word && between.find_first_not_of(' ') == std::string::npos)) out += between;
    size_t end = unfolded.find("?=", start + 10);
    std::string word = unfolded.substr(start + 10, end - start - 10);
    for (size_t i = 0; i < word.size(); ++i) {
      if (word[i] == '_') out += ' ';
      else if (word[i] == '=') {
        out += static_cast<char>(hex(word[i + 1]) * 16 + hex(word[i + 2]));
        i += 2;
      } else out += word[i];
    }
    pos = end + 2;
    last_was_word = true;
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);  // every line ends with CRLF
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

/// At most 78 characters, or one word too long to fold (a Message-ID); never over 998.
bool short_enough(const std::string& line) {
  if (line.size() > 998) return false;
  return line.size() <= 78 || line.find(' ', line.find(": ") + 2) == std::string::npos;
}

/// The header named `name` (its folded lines together, CRLF kept), or "".
std::string header(const std::string& message, const std::string& name) {
  size_t at = message.rfind("\r\n" + name + ": ", message.find("\r\n\r\n"));
  if (message.compare(0, name.size() + 2, name + ": ") == 0) at = 0;
  else if (at == std::string::npos) return "";
  else at += 2;
  size_t end = at;
  while (true) {
    end = message.find("\r\n", end);
    if (message[end + 2] != ' ') break;
    end += 2;
  }
  return message.substr(at + name.size() + 2, end - at - name.size() - 2);
}

MimeMessage sample() {
  MimeMessage m;
  m.from = {"Northbrook Safeguarding Partnership", "newsletter@northbrook.example"};
  m.reply_to = {"", "business.office@northbrook.example"};
  m.subject = "Safeguarding Matters – Autumn 2026";
  m.date = "Wed, 28 Oct 2026 00:00:00 +0000";
  m.message_id = "newsletters.autumn-2026.0123456789abcdef@safeguarding.northbrook.example";
  m.headers = {{"Content-Language", "en-GB"}};
  m.text = "Safeguarding Matters – Autumn 2026\n\nCall 0116 496 0350.\n";
  m.html = "<p style=\"color:#0b0c0c\">Children’s services = safer</p>\n";
  return m;
}

}  // namespace

TEST_CASE("a message: the issue's headers, no To, multipart/alternative with text then HTML, CRLF throughout") {
  std::string eml = build_mime_message(sample());
  for (const std::string& line : lines_of(eml)) {
    CHECK(short_enough(line));
    CHECK(line.find('\r') == std::string::npos);
    CHECK(line.find('\n') == std::string::npos);
  }
  CHECK(header(eml, "From") == "Northbrook Safeguarding Partnership <newsletter@northbrook.example>");
  CHECK(header(eml, "Reply-To") == "business.office@northbrook.example");
  CHECK(header(eml, "To") == "");
  CHECK(header(eml, "Subject") == "=?UTF-8?Q?Safeguarding_Matters_=E2=80=93_Autumn_2026?=");
  CHECK(decode_words(header(eml, "Subject")) == "Safeguarding Matters – Autumn 2026");
  CHECK(header(eml, "Date") == "Wed, 28 Oct 2026 00:00:00 +0000");
  CHECK(header(eml, "Message-ID") == "<newsletters.autumn-2026.0123456789abcdef@safeguarding.northbrook.example>");
  CHECK(header(eml, "MIME-Version") == "1.0");
  CHECK(header(eml, "Content-Language") == "en-GB");
  std::string type = header(eml, "Content-Type");
  REQUIRE(type.find("multipart/alternative;") == 0);
  std::string boundary = type.substr(type.find("boundary=\"") + 10);
  boundary.pop_back();
  CHECK(boundary.rfind("=_herald_", 0) == 0);
  // The parts, text first: each UTF-8 and quoted-printable, decoding to what was given (CRLF line ends).
  size_t first = eml.find("\r\n--" + boundary + "\r\n");
  size_t second = eml.find("\r\n--" + boundary + "\r\n", first + 1);
  size_t end = eml.find("\r\n--" + boundary + "--\r\n");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  REQUIRE(end != std::string::npos);
  CHECK(end + boundary.size() + 8 == eml.size());
  auto part = [&](size_t from, size_t to) { return eml.substr(from + boundary.size() + 6, to - from - boundary.size() - 6); };
  std::string text = part(first, second), html = part(second, end);
  const std::string qp = "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
  CHECK(text.rfind("Content-Type: text/plain; charset=UTF-8\r\n" + qp, 0) == 0);
  CHECK(html.rfind("Content-Type: text/html; charset=UTF-8\r\n" + qp, 0) == 0);
  CHECK(decode_qp(text.substr(text.find("\r\n\r\n") + 4)) ==
        "Safeguarding Matters – Autumn 2026\r\n\r\nCall 0116 496 0350.\r\n");
  CHECK(decode_qp(html.substr(html.find("\r\n\r\n") + 4)) ==
        "<p style=\"color:#0b0c0c\">Children’s services = safer</p>\r\n");
  // The same message gives the same bytes.
  CHECK(build_mime_message(sample()) == eml);
}

TEST_CASE("a To header when the message is sent; names not in ASCII, or with commas, are encoded or quoted") {
  MimeMessage m = sample();
  m.to = {"", "proof@northbrook.example"};
  m.from = {"Partneriaeth Diogelu Plant – Gogledd Cymru a’r Gororau", "cylchlythyr@northbrook.example"};
  m.reply_to = {"Business Office, Northbrook", "business.office@northbrook.example"};
  std::string eml = build_mime_message(m);
  CHECK(header(eml, "To") == "proof@northbrook.example");
  CHECK(header(eml, "Reply-To") == "\"Business Office, Northbrook\" <business.office@northbrook.example>");
  std::string from = header(eml, "From");
  CHECK(from.find("\r\n ") != std::string::npos);  // folded: too long for one line
  CHECK(decode_words(from) == "Partneriaeth Diogelu Plant – Gogledd Cymru a’r Gororau <cylchlythyr@northbrook.example>");
  for (const std::string& line : lines_of(eml)) CHECK(short_enough(line));
}

TEST_CASE("header lines: ASCII folded at spaces, never after the name; encoded words never split a character") {
  std::string subject(200, 'x');
  for (size_t i = 10; i < subject.size(); i += 11) subject[i] = ' ';
  std::string line = header_line("Subject", subject);
  CHECK(line.substr(line.size() - 2) == "\r\n");
  for (const std::string& l : lines_of(line)) CHECK(l.size() <= 78);
  // One word longer than a line: kept whole, on the header's own line.
  std::string id = header_line("Message-ID", "<" + std::string(90, 'a') + "@example.org>");
  CHECK(id == "Message-ID: <" + std::string(90, 'a') + "@example.org>\r\n");
  // Welsh and emoji: every encoded word ends on a whole character.
  std::string welsh = "Cylchlythyr Diogelu – Hydref 2026: ŵ ŷ â ê î ô û 📣 Newyddion pwysig i’r holl ymarferwyr";
  std::string encoded = header_line("Subject", welsh);
  for (const std::string& l : lines_of(encoded)) CHECK(l.size() <= 76);
  CHECK(decode_words(encoded.substr(9, encoded.size() - 11)) == welsh);
  // ASCII that looks like an encoded word is encoded, so that it is read as written.
  CHECK(header_line("Subject", "Why =?x?= matters").find("=?UTF-8?Q?") != std::string::npos);
}

TEST_CASE("quoted-printable: lines of at most 76, '=' and non-ASCII escaped, spaces before a line end, From at a line's start") {
  std::string long_line(300, 'a');
  std::string qp = encode_quoted_printable(long_line + "\nx = y \nFrom here\n\ttab\t\nna\xC3\xAFve");
  for (const std::string& l : lines_of(qp + "\r\n")) CHECK(l.size() <= 76);
  CHECK(qp.find("x =3D y=20\r\n") != std::string::npos);
  CHECK(qp.find("\r\n=46rom here\r\n") != std::string::npos);
  CHECK(qp.find("\r\n\ttab=09\r\n") != std::string::npos);
  CHECK(qp.find("na=C3=AFve") != std::string::npos);
  CHECK(decode_qp(qp) == long_line + "\r\nx = y \r\nFrom here\r\n\ttab\t\r\nna\xC3\xAFve");
  // CRLF in the input stays one line end.
  CHECK(encode_quoted_printable("a\r\nb") == "a\r\nb");
}
