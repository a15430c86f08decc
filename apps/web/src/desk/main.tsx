import { mount } from '../shared/ui';
mount(<p>desk</p>);
