// `herald email SLUG --to ADDRESS`: a newsletter's email edition, made from the commit, sent to one address by SMTP.
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "commands/commands.h"
#include "content/languages.h"
#include "core/text.h"
#include "markdown/urls.h"
#include "external/network_module.h"
#include "output/email/email_edition.h"
#include "pipeline/build_context.h"
#include "templates/renderer.h"
#include "templates/view_model.h"

namespace herald {
namespace {

/// The host of an smtp:// or smtps:// URL ("" when there is none).
std::string host_of(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest[0] == '[') return rest.substr(0, rest.find(']') + 1);
  return rest.substr(0, rest.find(':'));
}

bool is_this_computer(const std::string& host) {
  return host == "localhost" || host == "[::1]" || starts_with(host, "127.");
}

/// Why the newsletter `slug` cannot be sent from this build, or "".
std::string not_sendable(const Library& lib, const std::string& slug, const Page** found, const Library** in) {
  std::vector<std::string> slugs;
  // Each language's newsletters: a bilingual edition is sent by either's slug.
  for (const Library* l : language_libraries(lib))
    for (const Page& p : l->pages) {
      if (p.kind != Kind::newsletter) continue;
      if (p.slug == slug && !*found) {
        *found = &p;
        *in = l;
      }
      slugs.push_back(p.slug);
    }
  if (!*found) {
    std::string guess = closest_match(slug, slugs);
    return fmt::format("there is no newsletter '{}' in content/newsletters/{}", slug,
                       guess.empty() ? "" : " (did you mean " + guess + "?)");
  }
  const Page& p = **found;
  if (p.published) return "";
  if (p.withheld_reason == "draft")
    return fmt::format("the newsletter '{}' is a draft: add --drafts to send it as a test", slug);
  if (p.withheld_reason == "scheduled" && p.date)
    return fmt::format("the newsletter '{}' is scheduled for {}, and its web page is not published before: add --now "
                       "{} to send it as it will be on that day",
                       slug, format_human_date(*p.date), format_iso_date(*p.date));
  return fmt::format("the newsletter '{}' is not published ({})", slug, p.withheld_reason);
}

}  // namespace

int command_email(const EmailOptions& o) {
  // What the command was given, before anything is read.
  Mailbox to;
  if (!parse_mailbox(o.to, &to)) {
    std::fprintf(stderr, "error: --to '%s' is not an email address such as you@northbrook.example\n",
                 truncate_text(o.to, 60).c_str());
    return 2;
  }
  if (!starts_with(o.smtp, "smtp://") && !starts_with(o.smtp, "smtps://")) {
    std::fprintf(stderr, "error: --smtp '%s' must be a mail server's address such as smtp://mail.northbrook.example:587\n",
                 truncate_text(o.smtp, 60).c_str());
    return 2;
  }
  const char* password = std::getenv("HERALD_SMTP_PASSWORD");
  if (!o.user.empty() && (!password || !*password)) {
    std::fprintf(stderr, "error: --user needs its password in the environment variable HERALD_SMTP_PASSWORD\n");
    return 2;
  }
  bool encrypted = o.starttls || starts_with(o.smtp, "smtps://");
  if (!o.user.empty() && !encrypted && !is_this_computer(host_of(o.smtp))) {
    std::fprintf(stderr, "error: the password would cross the network unencrypted: add --starttls, or use smtps://\n");
    return 2;
  }

  // The newsletter's edition, made from the commit as a build makes it.
  BuildOptions options = o.build;
  options.write = false;
  Diagnostics diags;
  BuildResult result;
  std::string refused, message, subject;
  Mailbox from;
  {
    BuildContext ctx(options, diags, result);
    bool read = load_stage(ctx);
    if (read && !ctx.config.email.given) {
      refused = "herald.yaml has no 'email' settings, so its newsletters have no email edition: add email: with from "
                "and unsubscribe (the guide \"Send a newsletter by email\" says how)";
    } else if (read && parse_stage(ctx) && assemble_stage(ctx) && !diags.has_errors()) {
      const Page* page = nullptr;
      const Library* in = ctx.library.get();
      refused = not_sendable(*ctx.library, o.slug, &page, &in);
      if (refused.empty()) {
        const Library& lib = *in;
        Renderer renderer(*ctx.theme, diags);
        ViewModel vm(lib);
        EmailFiles files = make_email_files(lib);
        if (auto edition = make_email_edition(vm, renderer, *page, files, diags)) {
          edition->message.to = to;
          message = build_mime_message(edition->message);
          subject = edition->message.subject;
          from = lib.config.email.from;
        }
      }
    }
  }
  if (result.status == BuildResult::Status::unusable) {
    std::fprintf(stderr, "error: %s\n", result.fatal.c_str());
    return 2;
  }
  print_diagnostics(diags, stderr);
  if (diags.has_errors()) {
    std::fprintf(stderr, "herald: nothing was sent: fix the errors above first\n");
    return 1;
  }
  if (!refused.empty()) {
    std::fprintf(stderr, "error: %s\n", refused.c_str());
    return 2;
  }

  const NetworkModule* module = nullptr;
  try {
    module = &network_module();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
  SmtpRequest request;
  request.url = o.smtp;
  request.starttls = o.starttls;
  request.user = o.user;
  if (!o.user.empty()) request.password = password;
  request.from = from.address;
  request.to = to.address;
  request.message = std::move(message);
  SmtpResult sent = module->send_smtp(request);
  if (!sent.ok) {
    std::fprintf(stderr, "error: %s\n", sent.error.c_str());
    return 2;
  }
  std::fprintf(stderr, "herald: sent \"%s\" to %s through %s%s\n", subject.c_str(), to.address.c_str(), o.smtp.c_str(),
               sent.reply.empty() ? "" : (" (the server answered \"" + sent.reply + "\")").c_str());
  return 0;
}

}  // namespace herald
