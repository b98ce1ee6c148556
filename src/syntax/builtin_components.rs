//! The shared methods of the components 4D ships built in (4D Progress, 4D SVG, 4D Widgets…).
//!
//! 4D projects call them like their own methods, often with names of several words
//! (`Progress SET TITLE`), and 4D's compiler accepts them without any `Components` folder.
//! mini4d does not include these components: their names must still parse as method calls,
//! `check` must not report them, and running one gives a clear "component not available" error.
//! A component copied into the project's `Components` folder (or named in `dependencies.json`)
//! is loaded like any other and its methods win over this list.
//!
//! The names are the shared methods of the components' public repositories (github.com/4d:
//! 4D-Progress, 4D-SVG, 4D-Widgets, 4D-WritePro-Interface, 4D-NetKit, 4D-ViewPro), listed in
//! docs/Extensions/overview.md as the components 4D includes. 4D View Pro's methods are in the
//! command table (theme "4D View Pro"), except the two below.

/// A built-in component and its shared methods.
pub struct BuiltinComponent {
    pub name: &'static str,
    pub methods: &'static [&'static str],
}

pub static COMPONENTS: &[BuiltinComponent] = &[
    BuiltinComponent {
        name: "4D Progress",
        methods: &[
            "Progress Get Button Enabled",
            "Progress Get Button Title",
            "Progress Get Icon",
            "Progress Get Message",
            "Progress Get On Error Method",
            "Progress Get On Stop Method",
            "Progress Get Progress",
            "Progress Get Title",
            "Progress New",
            "Progress QUIT",
            "Progress SET BUTTON ENABLED",
            "Progress SET BUTTON TITLE",
            "Progress SET FONT SIZES",
            "Progress SET FONTS",
            "Progress SET ICON",
            "Progress SET MESSAGE",
            "Progress SET ON ERROR METHOD",
            "Progress SET ON STOP METHOD",
            "Progress SET PROGRESS",
            "Progress SET TITLE",
            "Progress SET WINDOW VISIBLE",
            "Progress Stopped",
        ],
    },
    BuiltinComponent {
        name: "4D SVG",
        methods: &[
            "_4DPopSVG",
            "SVG_ABOUT",
            "SVG_ADD_NAMESPACE",
            "SVG_Add_object",
            "SVG_ADD_POINT",
            "SVG_APPEND_TEXT_TO_TEXTAREA",
            "SVG_CLEAR",
            "SVG_Color_from_index",
            "SVG_Color_grey",
            "SVG_Color_RGB_from_CMYK",
            "SVG_Color_RGB_from_HLS",
            "SVG_Color_RGB_from_long",
            "SVG_Copy",
            "SVG_Count_elements",
            "SVG_Define_clip_Path",
            "SVG_Define_filter",
            "SVG_Define_image",
            "SVG_Define_linear_gradient",
            "SVG_Define_marker",
            "SVG_Define_pattern",
            "SVG_Define_radial_gradient",
            "SVG_Define_shadow",
            "SVG_Define_solidColor",
            "SVG_Define_style",
            "SVG_DEFINE_STYLE_WITH_ARRAYS",
            "SVG_Define_symbol",
            "SVG_DELETE_OBJECT",
            "SVG_ELEMENTS_TO_ARRAYS",
            "SVG_Estimate_weight",
            "SVG_Export_to_picture",
            "SVG_Export_to_XML",
            "SVG_FADE_TO_GREY_SCALE",
            "SVG_Filter_Blend",
            "SVG_Filter_Blur",
            "SVG_Filter_ColorMatrix",
            "SVG_Filter_Offset",
            "SVG_Find_ID",
            "SVG_GET_ATTRIBUTES",
            "SVG_Get_class",
            "SVG_GET_COLORS_ARRAY",
            "SVG_GET_DEFAULT_BRUSHES",
            "SVG_Get_default_encoding",
            "SVG_Get_fill_brush",
            "SVG_Get_ID",
            "SVG_Get_named_color_value",
            "SVG_Get_options",
            "SVG_Get_root_reference",
            "SVG_Get_text",
            "SVG_Get_version",
            "SVG_Is_reference_valid",
            "SVG_New",
            "SVG_New_arc",
            "SVG_New_circle",
            "SVG_New_ellipse",
            "SVG_New_ellipse_bounded",
            "SVG_New_embedded_image",
            "SVG_New_group",
            "SVG_New_image",
            "SVG_New_line",
            "SVG_New_path",
            "SVG_New_polygon",
            "SVG_New_polygon_by_arrays",
            "SVG_New_polyline",
            "SVG_New_polyline_by_arrays",
            "SVG_New_rect",
            "SVG_New_regular_polygon",
            "SVG_New_text",
            "SVG_New_textArea",
            "SVG_New_tspan",
            "SVG_New_vertical_text",
            "SVG_Open_file",
            "SVG_Open_picture",
            "SVG_PATH_ARC",
            "SVG_PATH_CLOSE",
            "SVG_PATH_CURVE",
            "SVG_PATH_LINE_TO",
            "SVG_PATH_MOVE_TO",
            "SVG_PATH_QCURVE",
            "SVG_Post_comment",
            "SVG_Read_element_type",
            "SVG_Read_last_error",
            "SVG_References_array",
            "SVG_ROTATION_CENTERED",
            "SVG_SAVE_AS_PICTURE",
            "SVG_SAVE_AS_TEXT",
            "SVG_SCALING_CENTERED",
            "SVG_SET_ATTRIBUTES",
            "SVG_SET_ATTRIBUTES_BY_ARRAYS",
            "SVG_SET_BRIGHTNESS",
            "SVG_SET_CLASS",
            "SVG_SET_CLIP_PATH",
            "SVG_SET_DEFAULT_BRUSHES",
            "SVG_SET_DEFAULT_ENCODING",
            "SVG_Set_description",
            "SVG_SET_DIMENSIONS",
            "SVG_SET_DOCUMENT_VARIABLE",
            "SVG_Set_error_handler",
            "SVG_SET_FILL_BRUSH",
            "SVG_SET_FILL_RULE",
            "SVG_SET_FILTER",
            "SVG_SET_FONT_COLOR",
            "SVG_SET_FONT_FAMILY",
            "SVG_SET_FONT_SIZE",
            "SVG_SET_FONT_STYLE",
            "SVG_SET_HUE",
            "SVG_SET_ID",
            "SVG_SET_MARKER",
            "SVG_SET_OPACITY",
            "SVG_SET_OPTIONS",
            "SVG_SET_PATTERN_CONTENT_UNITS",
            "SVG_SET_PATTERN_UNITS",
            "SVG_SET_ROUNDING_RECT",
            "SVG_SET_SATURATION",
            "SVG_SET_SHAPE_RENDERING",
            "SVG_SET_STROKE_BRUSH",
            "SVG_SET_STROKE_DASHARRAY",
            "SVG_SET_STROKE_LINECAP",
            "SVG_SET_STROKE_LINEJOIN",
            "SVG_SET_STROKE_MITERLIMIT",
            "SVG_SET_STROKE_VECTOR_EFFECT",
            "SVG_SET_STROKE_WIDTH",
            "SVG_SET_TEXT_ANCHOR",
            "SVG_SET_TEXT_KERNING",
            "SVG_SET_TEXT_LETTER_SPACING",
            "SVG_SET_TEXT_RENDERING",
            "SVG_SET_TEXT_WRITING_MODE",
            "SVG_SET_TEXTAREA_TEXT",
            "SVG_Set_title",
            "SVG_SET_TRANSFORM_FLIP",
            "SVG_SET_TRANSFORM_MATRIX",
            "SVG_SET_TRANSFORM_ROTATE",
            "SVG_SET_TRANSFORM_SCALE",
            "SVG_SET_TRANSFORM_SKEW",
            "SVG_SET_TRANSFORM_TRANSLATE",
            "SVG_SET_VIEWBOX",
            "SVG_SET_VIEWPORT_FILL",
            "SVG_SET_VISIBILITY",
            "SVG_SET_XY",
            "SVG_Use",
            "SVG_Validate_file",
            "SVGTool_Display_colors",
            "SVGTool_Display_syntax",
            "SVGTool_Display_viewer",
            "SVGTool_SET_VIEWER_CALLBACK",
            "SVGTool_SHOW_IN_VIEWER",
        ],
    },
    BuiltinComponent {
        name: "4D Widgets",
        methods: &[
            "DatePicker APPLY DEFAULT VALUES",
            "DatePicker Display Dialog",
            "DatePicker RESET DEFAULT VALUES",
            "DatePicker SET DAYS OFF",
            "DatePicker SET DEFAULT 1ST DAY",
            "DatePicker SET DEFAULT DAYS OFF",
            "DatePicker SET DEFAULT MAX DATE",
            "DatePicker SET DEFAULT MIN DATE",
            "DatePicker SET MAX DATE",
            "DatePicker SET MIN DATE",
            "DatePicker SET WEEK FIRST DAY",
            "SearchPicker SET ENTERABLE",
            "SearchPicker SET HELP TEXT",
            "TimePicker APPLY DEFAULT VALUES",
            "TimePicker DISPLAY SECOND HAND",
            "TimePicker LCD DISPLAY AMPM",
            "TimePicker LCD DISPLAY SECONDS",
            "TimePicker LCD SET COLOR",
            "TimePicker LCD SET MODE",
            "TimePicker RESET DEFAULT VALUES",
            "TimePicker SET DEFAULT LABEL AM",
            "TimePicker SET DEFAULT LABEL PM",
            "TimePicker SET DEFAULT MAX TIME",
            "TimePicker SET DEFAULT MIN TIME",
            "TimePicker SET DEFAULT STEP",
            "TimePicker SET LABEL AM",
            "TimePicker SET LABEL PM",
            "TimePicker SET MAX TIME",
            "TimePicker SET MIN TIME",
            "TimePicker SET STEP",
        ],
    },
    BuiltinComponent {
        name: "4D WritePro Interface",
        methods: &[
            "WP FormulaSettings",
            "WP PictureSettings",
            "WP SetAIKey",
            "WP ShowTabPages",
            "WP SwitchToolbar",
            "WP UpdateWidget",
            "WP_TableWizardNew",
        ],
    },
    BuiltinComponent {
        name: "4D NetKit",
        methods: &["New OAuth2 provider", "New Office365 provider"],
    },
    BuiltinComponent {
        name: "4D ViewPro",
        methods: &["VP Get table column attributes", "VP REGISTER PDF FONTS"],
    },
];

/// The class store namespaces of the components 4D ships built in (`cs.NetKit.OAuth2Provider`):
/// code naming them compiles in 4D without a copy of the component in the project.
pub const NAMESPACES: &[&str] = &["NetKit", "AIKit"];

/// Whether `name` is the namespace of a component 4D ships built in (case-insensitive).
pub fn is_builtin_namespace(name: &str) -> bool {
    NAMESPACES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// The built-in component whose shared method is `name` (case-insensitive), if any.
pub fn component_of(name: &str) -> Option<&'static str> {
    COMPONENTS
        .iter()
        .find(|c| c.methods.iter().any(|m| m.eq_ignore_ascii_case(name)))
        .map(|c| c.name)
}

/// The run-time message for a call to a built-in component's method that the project does not
/// provide itself. It starts like the "unknown method" message, so it is raised as -10508.
pub fn unavailable_message(name: &str, component: &str) -> String {
    format!(
        "{} `{name}`: it is a shared method of 4D's built-in component \"{component}\", \
         which mini4d does not include (copy the component into the project's Components folder to use it)",
        crate::resolve::ir::UNKNOWN_METHOD
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_case_insensitively() {
        assert_eq!(component_of("progress new"), Some("4D Progress"));
        assert_eq!(component_of("SVG_New"), Some("4D SVG"));
        assert_eq!(component_of("Progress"), None);
    }

    #[test]
    fn no_name_is_also_a_command() {
        for c in COMPONENTS {
            for m in c.methods {
                assert!(crate::commands::catalog::command_index(m).is_none(), "{m} is a command");
            }
        }
    }
}
