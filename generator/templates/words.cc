// The theme's words in English and Welsh. The Welsh should be reviewed by a Welsh speaker (docs/decisions.md).
#include "templates/words.h"

#include "core/display_language.h"

namespace herald {
namespace {

struct Word {
  const char* name;  ///< for templates, `{{words.<name>}}`; "" for the view models' words alone
  const char* english;
  const char* welsh;
};

// The English as the theme has always written it, and the Welsh.
constexpr Word kWords[] = {
    {"skip_link", "Skip to main content", "Neidio i'r prif gynnwys"},
    {"preview_title", "Preview — not published.", "Rhagolwg — heb ei gyhoeddi."},
    {"preview_text", "This page is built from files on this computer, including changes that are not committed.",
     "Mae'r dudalen hon wedi'i hadeiladu o ffeiliau ar y cyfrifiadur hwn, gan gynnwys newidiadau sydd heb eu "
     "cadarnhau."},
    {"language", "Language", "Iaith"},
    {"main_menu", "Main", "Prif ddewislen"},
    {"footer_menu", "Footer", "Troedyn"},
    {"breadcrumb", "Breadcrumb", "Briwsion bara"},
    {"worried", "Worried about someone?", "Yn poeni am rywun?"},
    {"immediate_danger", "If someone is in immediate danger, call 999.",
     "Os yw rhywun mewn perygl uniongyrchol, ffoniwch 999."},
    {"all_contacts", "All contacts", "Pob cyswllt"},
    {"topics_label", "Topics:", "Pynciau:"},
    {"for_label", "For:", "Ar gyfer:"},
    {"last_updated", "Last updated", "Diweddarwyd ddiwethaf"},
    {"download_pdf_of", "Download a printable PDF of", "Lawrlwytho PDF i'w argraffu o"},
    {"latest_newsletter", "Latest newsletter", "Y cylchlythyr diweddaraf"},
    {"all_newsletters", "All newsletters", "Pob cylchlythyr"},
    {"latest_briefings", "Latest 7-minute briefings", "Y briffiau 7 munud diweddaraf"},
    {"all_briefings", "All 7-minute briefings", "Pob briff 7 munud"},
    {"upcoming_events", "Upcoming events", "Digwyddiadau i ddod"},
    {"all_events", "All events and training", "Pob digwyddiad a hyfforddiant"},
    {"browse_topics", "Browse by topic", "Pori yn ôl pwnc"},
    {"search", "Search", "Chwilio"},
    {"published", "Published", "Cyhoeddwyd"},
    {"page_not_found", "Page not found", "Heb ddod o hyd i'r dudalen"},
    {"you_can", "You can", "Gallwch"},
    {"search_the_site", "search the site", "chwilio'r wefan"},
    {"or_go_to_the", "or go to the", "neu fynd i'r"},
    {"home_page", "home page", "hafan"},
    {"search_needs_js", "Search needs JavaScript, which is off or not working in this browser.",
     "Mae angen JavaScript i chwilio, ac mae wedi'i ddiffodd neu ddim yn gweithio yn y porwr hwn."},
    // The view models' words.
    {"", "Home", "Hafan"},
    {"", "Contents", "Cynnwys"},
    {"", "In this issue", "Yn y rhifyn hwn"},
    {"", "Newsletters", "Cylchlythyrau"},
    {"", "7-minute briefings", "Briffiau 7 munud"},
    {"", "Procedures", "Gweithdrefnau"},
    {"", "Reports", "Adroddiadau"},
    {"", "Meetings", "Cyfarfodydd"},
    {"", "Events", "Digwyddiadau"},
    {"", "Contacts", "Cysylltiadau"},
    {"", "Search", "Chwilio"},
    {"", "Topics", "Pynciau"},
    {"", "Audiences", "Cynulleidfaoedd"},
    {"", "Feeds", "Ffrydiau"},
    {"", "Accessibility statement", "Datganiad hygyrchedd"},
    {"", "Feeds and embeds", "Ffrydiau a mewnblannu"},
    {"", "Newsletter", "Cylchlythyr"},
    {"", "7-minute briefing", "Briff 7 munud"},
    {"", "Procedure", "Gweithdrefn"},
    {"", "Procedures manual", "Llawlyfr gweithdrefnau"},
    {"", "Event", "Digwyddiad"},
    {"", "Board", "Bwrdd"},
    {"", "Meeting", "Cyfarfod"},
    {"", "Report", "Adroddiad"},
    {"", "Page", "Tudalen"},
    {"", "Changes to the procedures", "Newidiadau i'r gweithdrefnau"},
    {"", "Latest 7-minute briefings", "Y briffiau 7 munud diweddaraf"},
    {"", "Latest newsletters", "Y cylchlythyrau diweddaraf"},
    // PDF, email, vCard and calendar furniture
    {"", "Page {} of {}", "Tudalen {} o {}"},
    {"", "Issue {}", "Rhifyn {}"},
    {"", "For", "Ar gyfer"},
    {"", "and", "a"},
    {"", "published", "cyhoeddwyd"},
    {"", "Drawn from:", "Yn deillio o:"},
    {"", "Read online:", "Darllen ar-lein:"},
    {"", "Source:", "Ffynhonnell:"},
    {"", "Image not available", "Nid yw'r ddelwedd ar gael"},
    {"", "Printed copies may be out of date. Check the current version at",
     "Gall copïau printiedig fod wedi dyddio. Gwiriwch y fersiwn gyfredol yn"},
    {"", "Owner", "Perchennog"},
    {"", "Last reviewed", "Adolygwyd ddiwethaf"},
    {"", "Review due", "Adolygiad erbyn"},
    {"", "Latest change", "Newid diweddaraf"},
    {"", "the partnership", "y bartneriaeth"},
    {"", "This chapter is due for review. It was due on {}; check with {} if you are unsure whether it is still current.",
     "Mae'r bennod hon i fod i gael ei hadolygu. Roedd i fod i gael ei hadolygu ar {}; holwch {} os nad ydych yn siŵr "
     "a yw'n dal yn gyfredol."},
    {"", "This chapter was revised throughout and should be re-read.",
     "Diwygiwyd y bennod hon drwyddi draw a dylid ei darllen eto."},
    {"", "Minutes", "Cofnodion"},
    {"", "Cancelled meeting", "Cyfarfod wedi'i ganslo"},
    {"", "Postponed meeting", "Cyfarfod wedi'i ohirio"},
    {"", "Agenda", "Agenda"},
    {"", "In progress", "Ar y gweill"},
    {"", "Done", "Wedi'i wneud"},
    {"", "Dropped", "Wedi'i ollwng"},
    {"", "Open", "Ar agor"},
    {"", "to", "tan"},
    {"", "Online", "Ar-lein"},
    {"", "and online", "ac ar-lein"},
    {"", "This meeting was cancelled.", "Cafodd y cyfarfod hwn ei ganslo."},
    {"", "This meeting was postponed.", "Cafodd y cyfarfod hwn ei ohirio."},
    {"", "Chair", "Cadeirydd"},
    {"", "Present", "Yn bresennol"},
    {"", "Apologies", "Ymddiheuriadau"},
    {"", "Absent", "Yn absennol"},
    {"", "In attendance", "Hefyd yn bresennol"},
    {"", "Declarations of interest", "Datganiadau o fuddiant"},
    {"", "item {}: ", "eitem {}: "},
    {"", "Papers", "Papurau"},
    {"", ", item {}", ", eitem {}"},
    {"", "Decisions", "Penderfyniadau"},
    {"", "Item {}", "Eitem {}"},
    {"", "Actions", "Camau gweithredu"},
    {"", "Due", "Erbyn"},
    {"", "Status", "Statws"},
    {"email_view_in_browser", "View in your browser", "Gweld yn eich porwr"},
    {"email_print_version", "Print version (PDF)", "Fersiwn i'w hargraffu (PDF)"},
    {"email_issue", "Issue", "Rhifyn"},
    {"email_in_this_issue", "In this issue", "Yn y rhifyn hwn"},
    {"email_reply", "To contact us, reply to this email.", "I gysylltu â ni, atebwch yr e-bost hwn."},
    {"email_signed_up", "You get this email because you signed up to",
     "Rydych yn cael yr e-bost hwn oherwydd i chi gofrestru i gael"},
    {"email_unsubscribe", "Unsubscribe from these emails", "Dad-danysgrifio o'r negeseuon e-bost hyn"},
    {"", "{} website", "Gwefan {}"},
    {"", "{} events", "Digwyddiadau {}"},
    {"", "(session {} of {})", "(sesiwn {} o {})"},
    {"", "Cancelled:", "Wedi'i ganslo:"},
    {"", "Postponed:", "Wedi'i ohirio:"},
    {"", "Minutes:", "Cofnodion:"},
    {"", "Agenda and papers:", "Agenda a phapurau:"},
    // The link to a language's part of an email, in that language.
    {"", "Read in English", "Darllen yn Gymraeg"},
    {"", "The English version is below.", "Mae'r fersiwn Gymraeg isod."},
};

bool is_welsh(const std::string& code) { return code == "cy"; }

std::string code_of(const std::string& tag) {
  std::string code = tag.substr(0, tag.find('-'));
  for (char& c : code) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return code;
}

}  // namespace

std::string translate(const std::string& tag, std::string_view english) {
  if (!is_welsh(code_of(tag))) return std::string(english);
  for (const Word& w : kWords)
    if (english == w.english) return w.welsh;
  return std::string(english);
}

std::string tr(std::string_view english) { return translate(display_language(), english); }

kainjow::mustache::data words_data() {
  kainjow::mustache::data words;
  const bool welsh = is_welsh(display_language());
  for (const Word& w : kWords)
    if (*w.name) words.set(w.name, welsh ? w.welsh : w.english);
  return words;
}

}  // namespace herald
