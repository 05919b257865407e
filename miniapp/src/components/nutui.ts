/**
 * The NutUI components the app uses, each with its own stylesheet (no full-library CSS).
 * Import NutUI from here so a component is never used without its styles.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'

export { Button, Cell, Dialog, Empty, Input, Skeleton, Switch, TabPane, Tabs, TextArea } from '@nutui/nutui-react-taro'
