// libFuzzer target: arbitrary bytes as an ЭО РТ page or diary.xml (the first byte picks the HTML or
// the XML path and the HTTP charset), read and written into a real (in-memory) archive. Any input
// must end in success or a jb::Error: never a crash, a hang or another exception. docs/edutatar.md
// gives the command.
#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/edutatar/emit.hpp"
#include "adapters/edutatar/inputs.hpp"
#include "adapters/edutatar/pages.hpp"
#include "core/error.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"
#include "core/unknown_values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static jb::sql::Db* db = [] {
        auto* created = new jb::sql::Db(":memory:", jb::sql::Db::Mode::create);
        created->exec("PRAGMA foreign_keys = ON");
        jb::migrate(*created);
        return created;
    }();
    if (size == 0) return 0;
    static const char* const charsets[] = {"", "", "utf-8", "windows-1251"};
    const std::uint8_t selector = data[0];
    std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    if (selector & 0x80) bytes = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<diary>" + bytes;
    jb::edutatar::PageSource source;
    source.name = "fuzz.html";
    source.header_charset = charsets[selector & 3];
    source.term = (selector & 4) ? "2" : "";
    source.day_for = (selector & 8) ? "1699909200" : "";
    jb::UnknownValues unknowns;
    jb::ReadContext context{(selector & 16) ? std::optional<int>(2022) : std::nullopt, &unknowns};
    db->exec("BEGIN");
    try {
        jb::edutatar::Journal journal;
        jb::edutatar::read_document(bytes, source, (selector & 32) != 0, journal, &unknowns);
        jb::Store store(*db);
        jb::edutatar::emit_journal(journal, context, store);
    } catch (const jb::Error&) {
    }
    db->exec("ROLLBACK");
    return 0;
}
