#include <fstream>

#include "adapters/native/native_format.hpp"
#include "core/adapter.hpp"
#include "core/entities.hpp"
#include "core/error.hpp"

namespace jb::native {
namespace {

AdapterInfo make_info() {
    AdapterInfo info;
    info.name = "native";
    info.platform = "jbridge's own lossless bundle (JSON Lines, docs/native-format.md)";
    info.version = "1";
    info.reads = info.writes = info.offline = true;
    for (const TableSpec* spec : all_tables()) info.entities.emplace_back(spec->table);
    info.inputs = {"a .jsonl bundle written by `jbridge export --to native`"};
    return info;
}

class NativeAdapter : public Adapter {
public:
    const AdapterInfo& info() const override {
        static const AdapterInfo info = make_info();
        return info;
    }

    Confidence identify(const InputProbe& probe) const override {
        if (probe.is_directory) return Confidence::no;
        std::string_view head = probe.head;
        if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
        std::string_view first_line = head.substr(0, head.find('\n'));
        if (first_line.starts_with("{") && first_line.find("\"jbridge-native\"") != std::string_view::npos)
            return Confidence::certain;
        return Confidence::no;
    }

    void read(const std::string& input, const ReadContext&, Sink& sink) const override {
        std::ifstream in(input, std::ios::binary);
        if (!in) throw Error(input + ": cannot read input");
        read_bundle(in, input, sink);
    }

    void write(sql::Db& archive, std::ostream& output, Progress* progress) const override {
        write_bundle(archive, output, progress);
    }
};

}  // namespace
}  // namespace jb::native

using jb::native::NativeAdapter;
JBRIDGE_REGISTER_ADAPTER(NativeAdapter);
