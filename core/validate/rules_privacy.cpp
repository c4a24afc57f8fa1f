// privacy.secret-in-capture: raw captures must be scrubbed of secrets at import.
#include <vector>

#include "core/capture.hpp"
#include "core/sqlite.hpp"
#include "core/validate/context.hpp"
#include "core/validate/locate.hpp"
#include "core/validate/rules.hpp"
#include "core/validate/secret_scan.hpp"

namespace jb::validate {

void check_privacy_secret_in_capture(RuleContext& c) {
    std::vector<std::pair<Id, std::string>> captures;
    sql::Stmt q(c.db(), "SELECT id, name FROM capture ORDER BY id");
    while (q.step()) captures.emplace_back(q.column_int(0), q.column_text(1));
    for (const auto& [id, name] : captures) {
        SecretScanner scanner(c.list("keys"), c.list("headers"), c.list("redacted_markers"));
        read_capture(c.db(), id, [&](std::string_view piece) { scanner.feed(piece); });
        scanner.finish();
        for (const std::string& key : scanner.found()) {
            Finding& f = c.add("В сохранённом исходном файле " + quoted(name) + " остался секрет " + quoted(key) +
                               " (пароль, хеш пароля, сессионная cookie или токен): его нужно удалять при импорте");
            f.where.details.emplace_back("capture", name);
            f.where.details.emplace_back("capture_id", std::to_string(id));
            f.where.details.emplace_back("key", key);
        }
    }
}

}  // namespace jb::validate
