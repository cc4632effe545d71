package io.scratchbird.wire.golden;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.message.AuthContinue;
import io.scratchbird.wire.message.AuthOk;
import io.scratchbird.wire.message.AuthRequest;
import io.scratchbird.wire.message.Bind;
import io.scratchbird.wire.message.CommandComplete;
import io.scratchbird.wire.message.DataRow;
import io.scratchbird.wire.message.Describe;
import io.scratchbird.wire.message.EmptyMessage;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Execute;
import io.scratchbird.wire.message.LegacyReady;
import io.scratchbird.wire.message.LegacyRowDescription;
import io.scratchbird.wire.message.LegacyStartup;
import io.scratchbird.wire.message.Message;
import io.scratchbird.wire.message.OpaqueMessage;
import io.scratchbird.wire.message.ParameterStatus;
import io.scratchbird.wire.message.Parse;
import io.scratchbird.wire.message.Query;
import io.scratchbird.wire.message.Ready;
import io.scratchbird.wire.message.ResetSession;
import io.scratchbird.wire.message.RowDescription;
import io.scratchbird.wire.message.ServerInfo;
import io.scratchbird.wire.message.Startup;
import io.scratchbird.wire.message.TypeRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the message a vector frame documents, from its documented fields only (never from its
 * hex as a whole), so that encoding it proves the codec reproduces the bytes from the fields.
 */
final class VectorMessages {

    private VectorMessages() {
    }

    /** @return the documented message, or {@code null} when the code has no message (e.g. 0x7F) */
    static Message build(VectorFrame frame) {
        VectorFields f = frame.payloadFields();
        MessageType type = MessageType.byCode(frame.messageCode());
        if (type == null) {
            return null;
        }
        return switch (type) {
            case STARTUP -> f.has("legacy.major") ? legacyStartup(f) : startup(f);
            case AUTH_REQUEST -> new AuthRequest(f.i("auth_method"), Bytes.EMPTY);
            case AUTH_RESPONSE -> OpaqueMessage.authResponse(f.raw("credential"));
            case AUTH_CONTINUE -> new AuthContinue(f.i("auth_method"), f.i("stage"), Bytes.utf8(f.str("data")));
            case AUTH_OK -> new AuthOk(f.uuid("session_id"), f.has("info") ? Bytes.utf8(f.str("info")) : Bytes.EMPTY);
            case SERVER_INFO -> new ServerInfo(f.uuid("session_uuid"), f.uuid("server_info_uuid_2"),
                    f.uuid("server_info_uuid_3"), f.str("product_name"), f.str("product_version"), f.str("dialect"),
                    f.num("server_info_u64_1"), f.num("server_supported_feature_bitmap"), f.num("server_info_u64_3"));
            case PARAMETER_STATUS -> parameterStatus(f);
            case READY -> frame.layout() == Layout.P1 ? ready(f)
                    : new LegacyReady(f.i("txn_active"), f.num("txn_id"), f.num("txn_id_repeat"));
            case QUERY -> new Query(f.i("query_flags"), f.i("max_rows"), f.i("timeout_ms"), f.str("sql"), null);
            case ROW_DESCRIPTION -> frame.layout() == Layout.P1 ? rowDescription(f) : legacyRowDescription(f);
            case DATA_ROW -> dataRow(f);
            case COMMAND_COMPLETE -> new CommandComplete(f.i("command_type"), f.num("rows"), f.num("last_insert_id"), f.str("tag"));
            case ERROR -> errorResponse(f);
            case PARSE -> parse(f);
            case BIND -> bind(f);
            case DESCRIBE -> new Describe(f.i("describe_kind"), f.str("name"));
            case EXECUTE -> new Execute(f.str("portal_name"), f.i("max_rows"),
                    f.has("execute_flags") ? f.i("execute_flags") : null);
            case SYNC -> EmptyMessage.SYNC;
            case PARSE_COMPLETE -> EmptyMessage.PARSE_COMPLETE;
            case BIND_COMPLETE -> EmptyMessage.BIND_COMPLETE;
            case PING -> OpaqueMessage.ping(f.has("opaque_echo_bytes") ? f.raw("opaque_echo_bytes") : new byte[0]);
            case PONG -> OpaqueMessage.pong(f.raw("opaque_echo_bytes"));
            case RESET_SESSION -> new ResetSession(f.bytes("reset_options"));
            default -> throw new AssertionError(frame + ": no builder for " + type);
        };
    }

    private static Startup startup(VectorFields f) {
        List<Startup.ConnectKey> keys = new ArrayList<>();
        for (int i = 0; i < f.count("key"); i++) {
            String k = "key[" + i + "]";
            keys.add(new Startup.ConnectKey(f.str(k + ".name"), f.i(k + ".value_type"), f.i(k + ".redaction_class"),
                    Bytes.utf8(f.str(k + ".value"))));
        }
        return new Startup(f.i("protocol_min_version"), f.i("protocol_max_version"), f.i("connect_flags"),
                f.num("client_feature_bitmap"), f.num("required_feature_bitmap"), f.num("optional_feature_bitmap"),
                f.bytes("reserved_block_1"), f.bytes("reserved_block_2"), f.bytes("reserved_block_3"), keys, List.of());
    }

    private static LegacyStartup legacyStartup(VectorFields f) {
        List<LegacyStartup.Param> params = new ArrayList<>();
        for (int i = 0; i < f.count("param"); i++) {
            params.add(new LegacyStartup.Param(f.str("param[" + i + "].key"), f.str("param[" + i + "].value")));
        }
        return new LegacyStartup(f.i("legacy.major"), f.i("legacy.minor"), f.i("legacy.reserved"), f.num("legacy.features"), params);
    }

    private static ParameterStatus parameterStatus(VectorFields f) {
        List<ParameterStatus.Entry> entries = new ArrayList<>();
        for (int i = 0; i < f.count("entry"); i++) {
            String e = "entry[" + i + "]";
            entries.add(new ParameterStatus.Entry(f.str(e + ".name"), f.i(e + ".value_type"), f.i(e + ".flags"), f.str(e + ".value")));
        }
        return new ParameterStatus(entries);
    }

    private static Ready ready(VectorFields f) {
        return new Ready(f.uuid("session_uuid"), f.uuid("attachment_id"), f.uuid("reserved_uuid"), f.num("txn_id"),
                f.i("txn_status"), f.i("ready_reason"), f.i("selected_protocol_version"),
                f.num("negotiated_feature_bitmap"), f.i("reserved_1"), f.i("reserved_2"));
    }

    private static RowDescription rowDescription(VectorFields f) {
        List<RowDescription.Column> cols = new ArrayList<>();
        for (int i = 0; i < f.count("column"); i++) {
            String c = "column[" + i + "]";
            cols.add(new RowDescription.Column(f.i(c + ".ordinal"), f.i(c + ".column_class"), f.i(c + ".value_format"),
                    f.i(c + ".nullability"), f.i(c + ".updatability"), f.num(c + ".metadata_bitmap"), typeRef(f, c + ".type_ref"),
                    f.uuidOrHex(c + ".source_table_uuid"), f.uuidOrHex(c + ".source_column_uuid"),
                    f.uuidOrHex(c + ".source_generated_object_uuid"), f.i(c + ".source_parameter_ordinal"),
                    f.i(c + ".parameter_direction"), f.i(c + ".generated_value_kind"), f.i(c + ".reserved"),
                    f.nullableText(c + ".display_label"), Map.of()));
        }
        return new RowDescription(f.i("layout_version"), f.i("result_set_kind"), f.i("header_flags"),
                f.uuidOrHex("result_envelope_uuid"), f.uuidOrHex("row_shape_uuid"), f.bytes("descriptor_snapshot_hash"), cols);
    }

    private static TypeRef typeRef(VectorFields f, String t) {
        return new TypeRef(f.i(t + ".type_family"), f.i(t + ".type_code"), f.i(t + ".type_version"), f.i(t + ".type_flags"),
                f.uuidOrHex(t + ".descriptor_uuid"), f.uuidOrHex(t + ".domain_uuid"), f.uuidOrHex(t + ".element_descriptor_uuid"),
                f.i(t + ".descriptor_version"), f.i(t + ".array_rank"), f.num(t + ".modifier_bitmap"), f.num(t + ".precision"),
                f.i(t + ".scale"), f.i(t + ".datetime_precision"), f.num(t + ".length_chars"), f.num(t + ".length_bytes"),
                f.uuidOrHex(t + ".charset_uuid"), f.uuidOrHex(t + ".collation_uuid"), f.i(t + ".timezone_policy"),
                f.i(t + ".calendar_policy"), f.i(t + ".numeric_locale_policy"), f.i(t + ".reserved"));
    }

    private static LegacyRowDescription legacyRowDescription(VectorFields f) {
        List<LegacyRowDescription.Column> cols = new ArrayList<>();
        for (int i = 0; i < f.count("column"); i++) {
            String c = "column[" + i + "]";
            cols.add(new LegacyRowDescription.Column(f.str(c + ".name"), f.i(c + ".table_oid"), f.i(c + ".column_index"),
                    f.i(c + ".type_oid"), (short) f.i(c + ".type_size"), f.i(c + ".type_modifier"), f.i(c + ".format"),
                    f.i(c + ".nullable")));
        }
        return new LegacyRowDescription(cols);
    }

    private static DataRow dataRow(VectorFields f) {
        int n = f.i("column_count");
        byte[] bitmap = f.raw("null_bitmap");
        byte[][] cells = new byte[n][];
        int v = 0;
        for (int i = 0; i < n; i++) {
            boolean isNull = (bitmap[i >> 3] & (1 << (i & 7))) != 0;
            if (!isNull) {
                cells[i] = f.raw("value[" + v + "].bytes");
                v++;
            }
        }
        return DataRow.of(cells);
    }

    private static ErrorResponse errorResponse(VectorFields f) {
        List<ErrorResponse.Field> fields = new ArrayList<>();
        for (int i = 0; i < f.count("field"); i++) {
            fields.add(new ErrorResponse.Field(f.i("field[" + i + "].code"), f.str("field[" + i + "].value")));
        }
        return new ErrorResponse(false, fields);
    }

    private static Parse parse(VectorFields f) {
        List<Integer> oids = new ArrayList<>();
        for (int i = 0; i < f.i("param_type_count"); i++) {
            oids.add(f.i("param_type_oid[" + i + "]"));
        }
        return new Parse(f.str("statement_name"), f.str("sql"), oids);
    }

    private static Bind bind(VectorFields f) {
        List<Integer> formats = new ArrayList<>();
        for (int i = 0; i < f.i("param_format_count"); i++) {
            formats.add(f.i("param_format[" + i + "]"));
        }
        byte[][] values = new byte[f.i("param_value_count")][];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.i("param[" + i + "].length") < 0 ? null : f.raw("param[" + i + "].bytes");
        }
        List<Integer> results = new ArrayList<>();
        for (int i = 0; i < f.i("result_format_count"); i++) {
            results.add(f.i("result_format[" + i + "]"));
        }
        return new Bind(f.str("portal_name"), f.str("statement_name"), formats, values, results);
    }
}
