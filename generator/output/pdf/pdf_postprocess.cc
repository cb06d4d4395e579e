// PDF/UA-1 completion of cairo's output with libqpdf: metadata, artifacts, alt texts, stable IDs.
#include "output/pdf/pdf_postprocess.h"

#include <fmt/format.h>

#include <functional>
#include <initializer_list>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <stdexcept>
#include <string_view>

#include "core/datetime.h"

namespace herald::pdf {
namespace {

using QOH = QPDFObjectHandle;

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // XML 1.0 cannot carry C0 controls other than tab and newlines.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string xmp_date(int64_t utc_seconds, int offset_seconds) {
  CivilTime t = civil_time(DateTime{utc_seconds, offset_seconds, true});
  std::string zone = "Z";
  if (offset_seconds != 0) {
    int off = offset_seconds < 0 ? -offset_seconds : offset_seconds;
    zone = fmt::format("{}{:02}:{:02}", offset_seconds < 0 ? '-' : '+', off / 3600, off / 60 % 60);
  }
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", t.year, t.month, t.day, t.hour, t.minute,
                     t.second, zone);
}

std::string xmp_packet(const PdfMetadata& m, const std::string& producer) {
  std::string date = xmp_date(m.created, m.offset_seconds);
  std::string out =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
      "   <dc:format>application/pdf</dc:format>\n";
  out += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(m.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  if (!m.author.empty())
    out += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!m.subject.empty())
    out += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(m.subject) +
           "</rdf:li></rdf:Alt></dc:description>\n";
  out += "   <dc:language><rdf:Bag><rdf:li>" + xml_escape(m.language) + "</rdf:li></rdf:Bag></dc:language>\n";
  out += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
  out += "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
  out += "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
  out += "   <xmp:CreatorTool>herald</xmp:CreatorTool>\n";
  if (!m.keywords.empty()) out += "   <pdf:Keywords>" + xml_escape(m.keywords) + "</pdf:Keywords>\n";
  if (!producer.empty()) out += "   <pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
  out +=
      "   <pdfuaid:part>1</pdfuaid:part>\n"
      "  </rdf:Description>\n"
      " </rdf:RDF>\n"
      "</x:xmpmeta>\n"
      "<?xpacket end=\"w\"?>";
  return out;
}

bool is_struct_elem(QOH o) { return o.isDictionary() && o.hasKey("/S") && o.getKey("/S").isName(); }

/// Visits the structure tree depth-first in document order.
void walk(QOH element, const std::function<void(QOH)>& visit, int depth = 0) {
  if (depth > 200) return;  // a cycle would be a cairo bug; never loop forever
  visit(element);
  QOH kids = element.getKey("/K");
  if (kids.isArray()) {
    for (int i = 0; i < kids.getArrayNItems(); ++i) {
      QOH kid = kids.getArrayItem(i);
      if (is_struct_elem(kid)) walk(kid, visit, depth + 1);
    }
  } else if (is_struct_elem(kids)) {
    walk(kids, visit, depth + 1);
  }
}

std::vector<QOH> annotations_of(QOH element) {
  std::vector<QOH> out;
  auto consider = [&](QOH kid) {
    if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR") &&
        kid.getKey("/Obj").isDictionary())
      out.push_back(kid.getKey("/Obj"));
  };
  QOH kids = element.getKey("/K");
  if (kids.isArray()) {
    for (int i = 0; i < kids.getArrayNItems(); ++i) consider(kids.getArrayItem(i));
  } else {
    consider(kids);
  }
  return out;
}

void complete_structure(QOH root, const TagNotes& notes) {
  QOH tree = root.getKey("/StructTreeRoot");
  if (!tree.isDictionary()) return;
  size_t link = 0, figure = 0, span = 0;
  std::function<void(QOH)> visit = [&](QOH element) {
    std::string role = element.getKey("/S").getName();
    if (role == "/Figure") {
      std::string alt = figure < notes.figure_alts.size() ? notes.figure_alts[figure] : "";
      ++figure;
      element.replaceKey("/Alt", QOH::newUnicodeString(alt.empty() ? "Image" : alt));
    } else if (role == "/Link") {
      std::string contents = link < notes.link_contents.size() ? notes.link_contents[link] : "";
      ++link;
      for (QOH annot : annotations_of(element)) {
        std::string text = contents;
        if (text.empty()) {
          QOH uri = annot.getKey("/A").getKey("/URI");
          text = uri.isString() ? uri.getStringValue() : "Link";
        }
        annot.replaceKey("/Contents", QOH::newUnicodeString(text));
      }
    } else if (role == "/Span") {
      std::string expansion = span < notes.span_expansions.size() ? notes.span_expansions[span] : "";
      ++span;
      if (!expansion.empty()) element.replaceKey("/E", QOH::newUnicodeString(expansion));
    } else if (role == "/TH") {
      element.replaceKey("/A", QOH::parse("<< /O /Table /Scope /Column >>"));
    }
  };
  QOH kids = tree.getKey("/K");
  if (kids.isArray()) {
    for (int i = 0; i < kids.getArrayNItems(); ++i)
      if (is_struct_elem(kids.getArrayItem(i))) walk(kids.getArrayItem(i), visit);
  } else if (is_struct_elem(kids)) {
    walk(kids, visit);
  }
}

}  // namespace

std::string pdf_date(int64_t utc_seconds, int offset_seconds) {
  CivilTime t = civil_time(DateTime{utc_seconds, offset_seconds, true});
  std::string zone = "Z";
  if (offset_seconds != 0) {
    int off = offset_seconds < 0 ? -offset_seconds : offset_seconds;
    zone = fmt::format("{}{:02}'{:02}'", offset_seconds < 0 ? '-' : '+', off / 3600, off / 60 % 60);
  }
  return fmt::format("D:{:04}{:02}{:02}{:02}{:02}{:02}{}", t.year, t.month, t.day, t.hour, t.minute, t.second,
                     zone);
}

namespace {

bool is_white(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
         c == '/' || c == '%';
}
bool is_regular(char c) { return !is_white(c) && !is_delimiter(c); }
bool is_number(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t)
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+')) return false;
  return true;
}
bool one_of(std::string_view op, std::initializer_list<std::string_view> ops) {
  for (auto o : ops)
    if (op == o) return true;
  return false;
}

}  // namespace

std::string mark_untagged_as_artifacts(const std::string& in) {
  // A single pass over the tokens that copies the stream as it is and
  // inserts the artifact marks before the operands of the first operator of
  // each untagged run. Never inside a text object or a path.
  std::string out;
  out.reserve(in.size() + in.size() / 8 + 32);
  const size_t n = in.size();
  size_t i = 0, copied = 0, operands = 0;
  bool have_operands = false, artifact = false, in_text = false, in_path = false;
  int depth = 0;
  auto insert = [&](size_t at, std::string_view text) {
    out.append(in, copied, at - copied);
    copied = at;
    out += text;
  };
  auto operand = [&](size_t start) {
    if (!have_operands) operands = start;
    have_operands = true;
  };
  while (i < n) {
    const char c = in[i];
    const size_t start = i;
    if (is_white(c)) {
      ++i;
    } else if (c == '%') {
      while (i < n && in[i] != '\n' && in[i] != '\r') ++i;
    } else if (c == '(') {
      int nesting = 0;
      for (; i < n; ++i) {
        if (in[i] == '\\')
          ++i;
        else if (in[i] == '(')
          ++nesting;
        else if (in[i] == ')' && --nesting == 0)
          break;
      }
      ++i;
      operand(start);
    } else if (c == '<') {
      if (i + 1 < n && in[i + 1] == '<') {
        i += 2;
      } else {
        while (i < n && in[i] != '>') ++i;
        ++i;
      }
      operand(start);
    } else if (c == '>') {
      i += (i + 1 < n && in[i + 1] == '>') ? 2 : 1;
      operand(start);
    } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == ')') {
      ++i;
      operand(start);
    } else if (c == '/') {
      ++i;
      while (i < n && is_regular(in[i])) ++i;
      operand(start);
    } else {
      while (i < n && is_regular(in[i])) ++i;
      std::string_view token(in.data() + start, i - start);
      if (is_number(token) || token == "true" || token == "false" || token == "null") {
        operand(start);
        continue;
      }
      // An operator.
      const size_t at = have_operands ? operands : start;
      have_operands = false;
      if (token == "BDC" || token == "BMC") {
        if (artifact) insert(at, "\nEMC\n");
        artifact = false;
        ++depth;
      } else if (token == "EMC") {
        if (depth > 0) --depth;
      } else if (depth == 0 && !artifact && !in_text && !in_path) {
        insert(at, "\n/Artifact BMC\n");
        artifact = true;
      }
      if (token == "BT")
        in_text = true;
      else if (token == "ET")
        in_text = false;
      else if (one_of(token, {"m", "l", "c", "v", "y", "h", "re", "W", "W*"}))
        in_path = true;
      else if (one_of(token, {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}))
        in_path = false;
      else if (token == "ID") {
        // Inline image data, up to an EI between white space.
        i += 1;
        while (i + 2 <= n && !(in[i] == 'E' && in[i + 1] == 'I' && is_white(in[i - 1]) &&
                               (i + 2 == n || is_white(in[i + 2]))))
          ++i;
      }
    }
  }
  out.append(in, copied, n - copied);
  if (artifact) out += "\nEMC\n";
  return out;
}

std::string postprocess_pdf(const std::string& cairo_pdf, const PdfMetadata& metadata,
                            const TagNotes& notes) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processMemoryFile("herald.pdf", cairo_pdf.data(), cairo_pdf.size());
  QOH root = pdf.getRoot();
  QOH trailer = pdf.getTrailer();

  // Document information: the dates with their offset (cairo 1.16 drops "D:").
  QOH info = trailer.getKey("/Info");
  if (!info.isDictionary()) {
    info = pdf.makeIndirectObject(QOH::newDictionary());
    trailer.replaceKey("/Info", info);
  }
  std::string date = pdf_date(metadata.created, metadata.offset_seconds);
  info.replaceKey("/CreationDate", QOH::newString(date));
  info.replaceKey("/ModDate", QOH::newString(date));
  info.replaceKey("/Title", QOH::newUnicodeString(metadata.title));
  std::string producer = info.getKey("/Producer").isString() ? info.getKey("/Producer").getUTF8Value() : "";

  // Catalogue: language, title bar, XMP, tagged.
  root.replaceKey("/Lang", QOH::newUnicodeString(metadata.language));
  root.replaceKey("/ViewerPreferences", QOH::parse("<< /DisplayDocTitle true >>"));
  root.replaceKey("/MarkInfo", QOH::parse("<< /Marked true >>"));
  if (QOH outlines = root.getKey("/Outlines"); outlines.isDictionary()) {
    root.replaceKey("/PageMode", QOH::newName("/UseOutlines"));
    // cairo 1.16 counts the (always open) root as closed: a negative /Count,
    // which the outline dictionary may not have. Every entry is open.
    QOH count = outlines.getKey("/Count");
    if (count.isInteger() && count.getIntValue() < 0)
      outlines.replaceKey("/Count", QOH::newInteger(-count.getIntValue()));
  }
  QOH xmp = pdf.newStream(xmp_packet(metadata, producer));
  xmp.getDict().replaceKey("/Type", QOH::newName("/Metadata"));
  xmp.getDict().replaceKey("/Subtype", QOH::newName("/XML"));
  root.replaceKey("/Metadata", xmp);

  complete_structure(root, notes);

  // cairo leaves out /CIDToGIDMap on its TrueType CID fonts; the default is
  // Identity, but PDF/UA checkers want it written.
  for (QOH object : pdf.getAllObjects()) {
    if (object.isDictionary() && object.getKey("/Subtype").isNameAndEquals("/CIDFontType2") &&
        !object.hasKey("/CIDToGIDMap"))
      object.replaceKey("/CIDToGIDMap", QOH::newName("/Identity"));
  }

  // Pages: tab order by structure, and untagged content marked as artifacts.
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    QOH object = page.getObjectHandle();
    object.replaceKey("/Tabs", QOH::newName("/S"));
    std::string content;
    Pl_String sink("page content", nullptr, content);
    page.pipeContents(&sink);
    object.replaceKey("/Contents", pdf.newStream(mark_untagged_as_artifacts(content)));
  }

  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setDeterministicID(true);
  writer.setMinimumPDFVersion("1.7");
  writer.setCompressStreams(true);
  // cairo's streams are already compressed: copy them as they are (the
  // rewritten page contents are new and get compressed).
  writer.setDecodeLevel(qpdf_dl_none);
  writer.setObjectStreamMode(qpdf_o_generate);
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace herald::pdf
