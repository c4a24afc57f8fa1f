#include "adapters/netschool/netschool_capture.hpp"
#include "adapters/netschool/netschool_report.hpp"
#include "core/adapter.hpp"
#include "core/error.hpp"
#include "core/har.hpp"

namespace jb::netschool {
namespace {

AdapterInfo make_info() {
    AdapterInfo info;
    info.name = "netschool";
    info.platform = "«Сетевой город. Образование» / АСУ РСО (asurso.ru) and other NetSchool hosts";
    info.version = "1";
    info.reads = info.offline = true;
    info.entities = {"school", "school_year", "period", "subject", "subject_alias", "person", "person_role",
                     "enrolment", "class", "class_group", "teaching_assignment", "lesson", "lesson_teacher",
                     "work", "mark", "attendance", "final_mark", "source_id"};
    info.inputs = {"a HAR of the web client (staff: grade/journal, classes, subject groups, terms; pupil or parent: "
                   "student/diary, assigns/{id}, report files)",
                   "report pages saved as .html (studenttotal, studenttotalmarks; UTF-8 or windows-1251)"};
    return info;
}

bool contains_ignoring_case(std::string_view text, std::string_view needle) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (needle.size() > text.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && lower(text[i + k]) == needle[k]) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

class NetSchoolAdapter : public Adapter {
public:
    const AdapterInfo& info() const override {
        static const AdapterInfo info = make_info();
        return info;
    }

    Confidence identify(const InputProbe& probe) const override {
        if (probe.is_directory) return Confidence::no;
        if (har::looks_like_har(probe.head))
            return contains_ignoring_case(probe.head, "/webapi/") ? Confidence::certain : Confidence::no;
        return looks_like_report(probe.head) ? Confidence::maybe : Confidence::no;
    }

    void read(const std::string& input, const ReadContext& context, Sink& sink) const override {
        InputProbe probe = probe_input(input);
        if (probe.is_directory) throw Error(input + ": a folder; give the HAR and the saved report pages as files");
        if (har::looks_like_har(probe.head)) return read_capture_file(input, context, sink);
        std::string_view head = probe.head;
        if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
        while (!head.empty() && (head.front() == ' ' || head.front() == '\n' || head.front() == '\r' || head.front() == '\t'))
            head.remove_prefix(1);
        if (head.starts_with("<")) return read_report_file(input, context, sink);
        throw Error(input + ": neither a HAR nor a saved NetSchool report page (.html)");
    }
};

}  // namespace
}  // namespace jb::netschool

using jb::netschool::NetSchoolAdapter;
JBRIDGE_REGISTER_ADAPTER(NetSchoolAdapter);
