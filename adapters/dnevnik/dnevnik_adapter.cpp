#include <string_view>

#include "adapters/dnevnik/dnevnik_reader.hpp"
#include "core/adapter.hpp"
#include "core/har.hpp"

namespace jb::dnevnik {
namespace {

AdapterInfo make_info() {
    AdapterInfo info;
    info.name = "dnevnik";
    info.platform = "Dnevnik.ru platform: school.mosreg.ru, api.dnevnik.ru and other instances (REST v2 JSON)";
    info.version = "1";
    info.reads = info.offline = true;
    info.entities = {"school", "school_year", "period", "holiday", "subject", "subject_alias", "person", "person_role",
                     "class", "class_group", "enrolment", "teaching_assignment", "lesson", "lesson_teacher", "work",
                     "mark", "attendance", "final_mark", "source_id"};
    info.inputs = {"a HAR of the /v2/ (or /v2.0/) API, saved from the browser or written by `jbridge pull`"};
    return info;
}

bool mentions(std::string_view head, std::string_view word) { return head.find(word) != std::string_view::npos; }

class DnevnikAdapter : public Adapter {
public:
    const AdapterInfo& info() const override {
        static const AdapterInfo info = make_info();
        return info;
    }

    Confidence identify(const InputProbe& probe) const override {
        if (probe.is_directory || !har::looks_like_har(probe.head)) return Confidence::no;
        std::string_view head = probe.head;
        if (!mentions(head, "/v2/") && !mentions(head, "/v2.0/")) return Confidence::no;
        for (std::string_view host : {"dnevnik.ru", "school.mosreg.ru", "kundelik.kz", "emaktab.uz"})
            if (mentions(head, host)) return Confidence::certain;
        for (std::string_view path : {"/users/me/context", "/edu-groups/", "/lesson-log-entries", "/reporting-periods",
                                      "/work-types/", "/marks/values"})
            if (mentions(head, path)) return Confidence::certain;
        return Confidence::maybe;
    }

    void read(const std::string& input, const ReadContext& context, Sink& sink) const override {
        read_har_file(input, context, sink);
    }
};

}  // namespace
}  // namespace jb::dnevnik

using jb::dnevnik::DnevnikAdapter;
JBRIDGE_REGISTER_ADAPTER(DnevnikAdapter);
