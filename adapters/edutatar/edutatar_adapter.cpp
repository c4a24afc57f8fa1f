// ЭО РТ (edu.tatar.ru): saved pages, diary.xml and HAR captures of one pupil's cabinet
// (docs/edutatar.md, ../shared/docs/platforms/edutatar.md).
#include <filesystem>
#include <fstream>

#include "adapters/edutatar/emit.hpp"
#include "adapters/edutatar/inputs.hpp"
#include "core/adapter.hpp"
#include "core/error.hpp"

namespace jb::edutatar {
namespace {

AdapterInfo make_info() {
    AdapterInfo info;
    info.name = "edutatar";
    info.platform = "ЭО РТ, edu.tatar.ru (saved pages, diary.xml, HAR)";
    info.version = "1";
    info.reads = info.offline = info.reads_folders = true;
    info.entities = {"school", "school_year", "period", "class", "subject", "subject_alias", "person", "person_role",
                     "enrolment", "lesson", "work", "mark", "attendance", "final_mark", "source_id"};
    info.inputs = {"/user/diary.xml", "saved pages: табель (/user/diary/term), year sheet, day and week pages, «Моя анкета»",
                   "a folder of saved pages", "a HAR recorded in the browser"};
    return info;
}

std::string head_of(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

class EdutatarAdapter : public Adapter {
public:
    const AdapterInfo& info() const override {
        static const AdapterInfo info = make_info();
        return info;
    }

    Confidence identify(const InputProbe& probe) const override {
        if (!probe.is_directory) return looks_like_edutatar(probe.head) ? Confidence::certain : Confidence::no;
        std::error_code ec;
        int looked = 0;
        for (auto it = std::filesystem::recursive_directory_iterator(probe.path, ec);
             !ec && it != std::filesystem::recursive_directory_iterator() && looked < 50; it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            std::string ext = it->path().extension().string();
            if (ext != ".html" && ext != ".htm" && ext != ".xml" && ext != ".har") continue;
            ++looked;
            if (looks_like_edutatar(head_of(it->path()))) return Confidence::certain;
        }
        return Confidence::no;
    }

    void read(const std::string& input, const ReadContext& context, Sink& sink) const override {
        read_all({input}, context, sink);
    }

    // All inputs of one import are one pupil's pages: the табель is reconciled with the dated pages
    // and undated pages take the school year of the dated ones.
    void read_all(const std::vector<std::string>& inputs, const ReadContext& context, Sink& sink) const override {
        Journal journal;
        for (const auto& input : inputs) collect_input(input, journal, context.unknowns);
        if (journal.lessons.empty() && journal.terms.empty() && journal.years.empty() && journal.profile_file.empty() &&
            journal.dates_seen.empty()) {
            std::string names;
            for (const auto& input : inputs) names += (names.empty() ? "" : ", ") + input;
            throw Error(names + ": no ЭО РТ page in it (diary.xml, табель, year sheet, day or week page, «Моя анкета»); "
                                "nothing was imported");
        }
        emit_journal(journal, context, sink);
    }
};

}  // namespace
}  // namespace jb::edutatar

using jb::edutatar::EdutatarAdapter;
JBRIDGE_REGISTER_ADAPTER(EdutatarAdapter);
