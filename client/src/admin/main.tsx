import { render } from "solid-js/web";
import { AdminApp } from "./AdminApp";
import "../styles.css";
import "./admin.css";

render(() => <AdminApp />, document.getElementById("root")!);
